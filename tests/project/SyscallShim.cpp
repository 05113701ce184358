// SPDX-License-Identifier: GPL-3.0-or-later
// An LD_PRELOAD library for tst_saving: it records the file-system calls a process makes on
// paths below HOTPATH_SHIM_DIR (open, write, fsync, fdatasync, rename) to the file
// HOTPATH_SHIM_LOG, one line each, and fails the Nth call of a kind when
// HOTPATH_SHIM_FAIL says so ("fsync:2": the second fsync below the folder fails with EIO).
// So a test observes what a save asks of the kernel, in order, and what it does when the
// kernel says no, which a killed process (whose page cache survives) cannot show.

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

template <typename F>
F real(const char *name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

const char *watchedFolder() { return std::getenv("HOTPATH_SHIM_DIR"); }

// The folder itself or anything below it.
bool watched(const std::string &path)
{
    const char *folder = watchedFolder();
    if (!folder || !*folder)
        return false;
    const std::size_t length = std::strlen(folder);
    return path.compare(0, length, folder) == 0 && (path.size() == length || path[length] == '/');
}

std::string pathOf(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    return n > 0 ? std::string(target, static_cast<std::size_t>(n)) : std::string();
}

// Written with the system call itself, so that logging never comes back through write().
void record(const std::string &line)
{
    const char *log = std::getenv("HOTPATH_SHIM_LOG");
    if (!log)
        return;
    const int fd = static_cast<int>(::syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (fd < 0)
        return;
    const std::string text = line + '\n';
    [[maybe_unused]] const long written = ::syscall(SYS_write, fd, text.data(), text.size());
    ::syscall(SYS_close, fd);
}

// True when this call of `kind` is the one HOTPATH_SHIM_FAIL names.
bool failsNow(const char *kind)
{
    static std::atomic<int> fsyncs{0}, renames{0}, writes{0};
    std::atomic<int> &count = std::strcmp(kind, "fsync") == 0 ? fsyncs : std::strcmp(kind, "rename") == 0 ? renames : writes;
    const int nth = ++count;
    const char *fail = std::getenv("HOTPATH_SHIM_FAIL");
    if (!fail)
        return false;
    const char *colon = std::strchr(fail, ':');
    return colon && std::string(fail, static_cast<std::size_t>(colon - fail)) == kind && std::atoi(colon + 1) == nth;
}

} // namespace

extern "C" {

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list arguments;
        va_start(arguments, flags);
        mode = static_cast<mode_t>(va_arg(arguments, int));
        va_end(arguments);
    }
    const int fd = real<int (*)(const char *, int, ...)>("open")(path, flags, mode);
    if (fd >= 0 && watched(path))
        record(std::string("open ") + path);
    return fd;
}

// The same function under glibc's large-file name (what Qt builds call, with 64-bit offsets).
int open64(const char *path, int flags, ...) __attribute__((alias("open")));

ssize_t write(int fd, const void *data, size_t size)
{
    const std::string path = fd > 2 ? pathOf(fd) : std::string();
    if (!watched(path))
        return real<ssize_t (*)(int, const void *, size_t)>("write")(fd, data, size);
    if (failsNow("write")) {
        record("write " + path + " failed");
        errno = EIO;
        return -1;
    }
    const ssize_t n = real<ssize_t (*)(int, const void *, size_t)>("write")(fd, data, size);
    record("write " + path + ' ' + std::to_string(n));
    return n;
}

int fsync(int fd)
{
    const std::string path = pathOf(fd);
    if (!watched(path))
        return real<int (*)(int)>("fsync")(fd);
    if (failsNow("fsync")) {
        record("fsync " + path + " failed");
        errno = EIO;
        return -1;
    }
    record("fsync " + path);
    return real<int (*)(int)>("fsync")(fd);
}

int fdatasync(int fd)
{
    const std::string path = pathOf(fd);
    if (watched(path))
        record("fdatasync " + path);
    return real<int (*)(int)>("fdatasync")(fd);
}

int rename(const char *from, const char *to)
{
    if (!watched(from) && !watched(to))
        return real<int (*)(const char *, const char *)>("rename")(from, to);
    if (failsNow("rename")) {
        record(std::string("rename ") + from + ' ' + to + " failed");
        errno = EIO;
        return -1;
    }
    record(std::string("rename ") + from + ' ' + to);
    return real<int (*)(const char *, const char *)>("rename")(from, to);
}

} // extern "C"
