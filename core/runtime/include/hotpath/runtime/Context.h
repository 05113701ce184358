// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The state of one call into compiled handler code: its pending error, its limits and
// its memory account. Every runtime function takes the Context of the call it serves,
// so concurrent calls on other threads never share mutable state.
//
// Errors are values: a runtime function that fails records the error here and returns;
// the caller (the VM's dispatch loop or JIT code) checks `failed()` and unwinds its own
// frames. Nothing throws or longjmps through either tier.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace hotpath::runtime {

// X(name): Python's exception names, in the order the tiers refer to them.
#define HOTPATH_ERROR_KINDS(X)                                                                  \
    X(ZeroDivisionError) X(IndexError) X(KeyError) X(ValueError) X(OverflowError)              \
    X(RecursionError) X(TimeoutError) X(MemoryError) X(AssertionError) X(UnboundLocalError)    \
    X(TypeError) X(RuntimeError) X(CancelledError) X(BaseException) X(Exception) X(ArithmeticError)   \
    X(LookupError) X(NameError) X(NotImplementedError) X(HTTPException)

enum class ErrorKind : std::uint8_t {
    None,
#define HOTPATH_ERROR_ENUM(name) name,
    HOTPATH_ERROR_KINDS(HOTPATH_ERROR_ENUM)
#undef HOTPATH_ERROR_ENUM
};

const char *errorName(ErrorKind kind);

struct ExceptionClass; // Exceptions.h

struct Limits
{
    // CPython's default recursion limit; deep enough for real handlers, and the VM keeps
    // its frames on the heap so the native stack is never at risk.
    int maxDepth = 1000;
    // Per-call live heap cap: a runaway handler gets MemoryError long before the machine
    // swaps. 256 MiB is far above any sane request and far below this machine's RAM.
    std::int64_t maxMemory = 256LL * 1024 * 1024;
    // No deadline unless set; the server sets 2 s per request.
    std::chrono::steady_clock::duration timeout = std::chrono::steady_clock::duration::zero();
    // Where the timeout counts from, when not from the call's start: the server counts from
    // the request's arrival, so time spent waiting for a handler thread is part of it.
    std::chrono::steady_clock::time_point since{};
};

using WriteFunction = void (*)(void *user, const char *data, std::size_t size);

class Context
{
public:
    explicit Context(Limits limits = {});

    // ---- errors
    bool failed() const { return m_error != ErrorKind::None; }
    ErrorKind error() const { return m_error; }
    const std::string &message() const { return m_message; }
    int errorLine() const { return m_errorLine; }
    void raise(ErrorKind kind, std::string message);
    // The pending exception's class (a program's own, or the built-in one of error()) and
    // its name as Python prints it: "ValueError", "NotFound".
    const ExceptionClass *errorClass() const;
    const char *errorClassName() const;
    // What repr(e) shows inside the parentheses, computed from the message when empty.
    const std::string &argsRepr() const { return m_argsRepr; }
    bool hasArgsRepr() const { return m_hasArgsRepr; }
    // Raised by one of the call's limits (the deadline, cancellation, the memory cap), not
    // by the program: no `except` clause catches it, so catching cannot defeat a limit.
    bool errorIsLimit() const { return m_errorIsLimit; }
    // Raises an exception of any class, as `raise` does; line 0 lets the raising
    // instruction's line be recorded.
    void raiseException(const ExceptionClass *cls, std::string message, std::string argsRepr, bool hasArgsRepr, int line,
                        bool limit, int httpStatus = 0);
    // The status of an HTTPException (hotpath.abort), else 0.
    int errorHttpStatus() const { return m_errorHttpStatus; }
    void setErrorLine(int line) { if (m_errorLine == 0) m_errorLine = line; }
    // While set, an error raised is the request's fault (Request.json() reading a body
    // that does not fit): the server answers 400, not 500.
    void setBlameRequest(bool blame) { m_blameRequest = blame; }
    bool errorIsRequests() const { return m_errorIsRequests; }
    void clearError();

    // ---- limits
    const Limits &limits() const { return m_limits; }
    int depth = 0;
    // Cheap poll for back-edges and calls: one decrement and branch on the fast path,
    // the clock and the cancel flag every pollInterval ticks.
    bool poll()
    {
        if (--m_pollCountdown > 0)
            return true;
        return pollSlow();
    }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    // A flag set by another thread (the server's, when the client has gone) that cancels
    // this call as cancel() does; it must outlive the call.
    void cancelWhen(const std::atomic<bool> *flag) { m_cancelFlag = flag; }
    // The clock and cancel check behind poll(), for callers that keep the countdown
    // themselves.
    bool pollSlow();

    // JIT-compiled code reads the error state and the poll countdown in place: one load
    // and branch after a runtime call, one decrement per back-edge.
    const ErrorKind *errorAddress() const { return &m_error; }
    int *pollCountdownAddress() { return &m_pollCountdown; }

    // ---- memory
    bool allocate(std::int64_t bytes); // false (and MemoryError) past the cap
    void deallocate(std::int64_t bytes) { m_liveBytes -= bytes; }
    std::int64_t liveBytes() const { return m_liveBytes; }
    std::int64_t peakBytes() const { return m_peakBytes; }

    // ---- output of print()
    void setOutput(WriteFunction write, void *user) { m_write = write; m_writeUser = user; }
    void write(const char *data, std::size_t size) { if (m_write) m_write(m_writeUser, data, size); }

    // The context of the call running on this thread: allocation and deallocation
    // account against it.
    static Context *current();
    static void setCurrent(Context *context);

private:
    void raiseLimit(ErrorKind kind, std::string message);
    static constexpr int pollInterval = 1024;
    Limits m_limits;
    ErrorKind m_error = ErrorKind::None;
    std::string m_message;
    const ExceptionClass *m_errorClass = nullptr;
    std::string m_argsRepr;
    bool m_hasArgsRepr = false;
    bool m_errorIsLimit = false;
    int m_errorHttpStatus = 0;
    int m_errorLine = 0;
    bool m_blameRequest = false;
    bool m_errorIsRequests = false;
    int m_pollCountdown = pollInterval;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_hasDeadline = false;
    std::atomic<bool> m_cancelled{false};
    const std::atomic<bool> *m_cancelFlag = nullptr;
    std::int64_t m_liveBytes = 0;
    std::int64_t m_peakBytes = 0;
    WriteFunction m_write = nullptr;
    void *m_writeUser = nullptr;
};

// Raises on the current thread's Context (if any): how runtime functions report errors.
void raiseOnCurrent(ErrorKind kind, std::string message);

// Makes `context` current for the lifetime of the guard.
class CurrentContext
{
public:
    explicit CurrentContext(Context *context) : m_previous(Context::current()) { Context::setCurrent(context); }
    ~CurrentContext() { Context::setCurrent(m_previous); }
    CurrentContext(const CurrentContext &) = delete;
    CurrentContext &operator=(const CurrentContext &) = delete;

private:
    Context *m_previous;
};

} // namespace hotpath::runtime
