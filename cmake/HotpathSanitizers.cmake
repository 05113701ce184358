# SPDX-License-Identifier: GPL-3.0-or-later
# HOTPATH_SANITIZE=ON builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer; the asan preset turns it on.
option(HOTPATH_SANITIZE "Build with ASan and UBSan" OFF)
if(HOTPATH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12's sanitizer runtime, intercepting __tls_get_addr, records bogus dynamic-TLS
  # ranges for libraries loaded with dlopen (the JIT module), and LeakSanitizer's tracer
  # then crashes reading them at exit. Tests run with the interception off (processes
  # they start inherit it); the asan test preset sets the same.
  # OpenSSL's per-thread state (QtNetwork) is suppressed as a leak: see the file.
  set(HOTPATH_SANITIZER_ENVIRONMENT "ASAN_OPTIONS=intercept_tls_get_addr=0"
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/cmake/lsan-suppressions.txt")
endif()

# HOTPATH_TSAN=ON builds everything with ThreadSanitizer (the tsan preset): for the code
# that threads share, module state above all (core/runtime/README.md). Code the JIT emits
# is not instrumented; the runtime functions it calls are.
option(HOTPATH_TSAN "Build with ThreadSanitizer" OFF)
if(HOTPATH_TSAN)
  if(HOTPATH_SANITIZE)
    message(FATAL_ERROR "HOTPATH_TSAN and HOTPATH_SANITIZE cannot be combined")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  # A report fails the process, so a server under test that races exits non-zero. Debian's
  # Qt and OpenSSL are not built with TSan: ignore_noninstrumented_modules takes their
  # pthread calls as synchronisation (joining a QThread) without reporting races inside
  # them, so nothing of Hotpath's own needs a suppression. Module state locks use
  # system_clock deadlines for the same reason (see dispatch()).
  set(HOTPATH_SANITIZER_ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1 exitcode=66 die_after_fork=0 ignore_noninstrumented_modules=1")
endif()
