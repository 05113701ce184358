// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Context.h"

#include "hotpath/runtime/Exceptions.h"

namespace hotpath::runtime {

namespace {
thread_local Context *t_current = nullptr;
}

const char *errorName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return "None";
#define HOTPATH_ERROR_NAME(name) \
    case ErrorKind::name: return #name;
        HOTPATH_ERROR_KINDS(HOTPATH_ERROR_NAME)
#undef HOTPATH_ERROR_NAME
    }
    return "Error";
}

Context::Context(Limits limits) : m_limits(limits)
{
    if (m_limits.timeout > std::chrono::steady_clock::duration::zero()) {
        m_hasDeadline = true;
        const auto start = m_limits.since == std::chrono::steady_clock::time_point{} ? std::chrono::steady_clock::now() : m_limits.since;
        m_deadline = start + m_limits.timeout;
        m_pollCountdown = 1; // a deadline already past shows at the first poll
    }
}

void Context::raise(ErrorKind kind, std::string message)
{
    if (failed())
        return; // the first error wins; later ones are consequences of unwinding
    m_error = kind;
    m_message = std::move(message);
    m_errorClass = nullptr;
    m_argsRepr.clear();
    m_hasArgsRepr = false;
    m_errorIsLimit = false;
    m_errorHttpStatus = 0;
    m_errorIsRequests = m_blameRequest;
}

void Context::raiseException(const ExceptionClass *cls, std::string message, std::string argsRepr, bool hasArgsRepr, int line,
                             bool limit, int httpStatus)
{
    if (failed())
        return;
    m_error = cls->kind;
    m_errorClass = cls;
    m_message = std::move(message);
    m_argsRepr = std::move(argsRepr);
    m_hasArgsRepr = hasArgsRepr;
    m_errorIsLimit = limit;
    m_errorHttpStatus = httpStatus;
    m_errorLine = line;
    m_errorIsRequests = m_blameRequest;
}

void Context::raiseLimit(ErrorKind kind, std::string message)
{
    if (failed())
        return;
    raise(kind, std::move(message));
    m_errorIsLimit = true;
}

const ExceptionClass *Context::errorClass() const
{
    return m_errorClass ? m_errorClass : builtinExceptionClass(m_error);
}

const char *Context::errorClassName() const { return m_errorClass ? m_errorClass->name : errorName(m_error); }

void Context::clearError()
{
    m_error = ErrorKind::None;
    m_message.clear();
    m_errorClass = nullptr;
    m_argsRepr.clear();
    m_hasArgsRepr = false;
    m_errorIsLimit = false;
    m_errorHttpStatus = 0;
    m_errorLine = 0;
    m_errorIsRequests = false;
}

bool Context::pollSlow()
{
    m_pollCountdown = pollInterval;
    if (m_cancelled.load(std::memory_order_relaxed) || (m_cancelFlag && m_cancelFlag->load(std::memory_order_relaxed))) {
        raiseLimit(ErrorKind::CancelledError, "the call was cancelled");
        m_pollCountdown = 1; // stays cancelled: every later poll fails at once
        return false;
    }
    if (m_hasDeadline && std::chrono::steady_clock::now() >= m_deadline) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.timeout).count();
        raiseLimit(ErrorKind::TimeoutError, "the handler ran longer than its " + std::to_string(ms) + " ms deadline");
        m_pollCountdown = 1; // past the deadline every later poll fails at once
        return false;
    }
    return true;
}

bool Context::allocate(std::int64_t bytes)
{
    if (m_liveBytes + bytes > m_limits.maxMemory) {
        raiseLimit(ErrorKind::MemoryError, "");
        return false;
    }
    m_liveBytes += bytes;
    if (m_liveBytes > m_peakBytes)
        m_peakBytes = m_liveBytes;
    return true;
}

Context *Context::current() { return t_current; }

void raiseOnCurrent(ErrorKind kind, std::string message)
{
    if (Context *context = t_current)
        context->raise(kind, std::move(message));
}
void Context::setCurrent(Context *context) { t_current = context; }

} // namespace hotpath::runtime
