// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/runtime/Context.h"

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
    m_errorIsRequests = m_blameRequest;
}

void Context::clearError()
{
    m_error = ErrorKind::None;
    m_message.clear();
    m_errorLine = 0;
    m_errorIsRequests = false;
}

bool Context::pollSlow()
{
    m_pollCountdown = pollInterval;
    if (m_cancelled.load(std::memory_order_relaxed) || (m_cancelFlag && m_cancelFlag->load(std::memory_order_relaxed))) {
        raise(ErrorKind::CancelledError, "the call was cancelled");
        return false;
    }
    if (m_hasDeadline && std::chrono::steady_clock::now() >= m_deadline) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.timeout).count();
        raise(ErrorKind::TimeoutError, "the handler ran longer than its " + std::to_string(ms) + " ms deadline");
        return false;
    }
    return true;
}

bool Context::allocate(std::int64_t bytes)
{
    if (m_liveBytes + bytes > m_limits.maxMemory) {
        raise(ErrorKind::MemoryError, "");
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
