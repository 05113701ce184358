// SPDX-License-Identifier: GPL-3.0-or-later
#include "HandlerPool.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace hotpath::server {

HandlerPool::HandlerPool(Options options) : m_options(options)
{
    std::lock_guard lock(m_mutex);
    m_slotTaken.assign(static_cast<std::size_t>(std::max(m_options.maxThreads, m_options.threads)), false);
    for (int k = 0; k < std::max(1, m_options.threads); ++k)
        addThreadLocked();
    m_watcher = std::thread([this] { watch(); });
}

HandlerPool::~HandlerPool() { stop(); }

bool HandlerPool::submit(Job job)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_options.maxQueued)
            return false;
        const auto now = Clock::now();
        m_queue.push_back({std::move(job), now});
        m_queued.store(m_queue.size(), std::memory_order_relaxed);
        m_lastSubmit = now;
        // The watcher looks every millisecond while the pool has work, and sleeps once it
        // has had none for a while: waking it for every job would cost more than the job.
        if (std::exchange(m_watcherAsleep, false))
            m_watcherWake.notify_one();
        // A thread looking for work, or one that began a handler just now, takes this job
        // soon enough unless others wait too: another thread is worth its wake-up only for
        // a backlog, or when the busy ones run long handlers.
        bool soonTaken = m_spinning;
        for (const Thread &thread : m_threads)
            soonTaken = soonTaken || (thread.busy && !thread.demoted && now - thread.jobStarted < m_options.wakeAbove);
        wake = m_sleeping > 0 && (!soonTaken || m_queue.size() > 1);
    }
    if (wake)
        m_jobsWaiting.notify_one();
    return true;
}

void HandlerPool::stop()
{
    std::deque<Queued> dropped; // destroyed after the lock is released
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && !m_watcher.joinable())
            return;
        m_stopping = true;
        dropped.swap(m_queue);
        m_queued.store(0, std::memory_order_relaxed);
    }
    m_jobsWaiting.notify_all();
    m_watcherWake.notify_all();
    if (m_watcher.joinable())
        m_watcher.join();
    // Only the watcher adds or removes threads, and it has finished.
    for (Thread &thread : m_threads)
        if (thread.thread.joinable())
            thread.thread.join();
    std::lock_guard lock(m_mutex);
    m_threads.clear();
}

bool HandlerPool::stopping() const
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

HandlerPool::Load HandlerPool::load() const
{
    std::lock_guard lock(m_mutex);
    Load load;
    load.queued = m_queue.size();
    load.threads = m_live;
    for (const Thread &thread : m_threads)
        load.busy += !thread.exited && thread.busy ? 1 : 0;
    return load;
}

void HandlerPool::addThreadLocked()
{
    const auto free = std::find(m_slotTaken.begin(), m_slotTaken.end(), false);
    if (free == m_slotTaken.end())
        return;
    *free = true;
    Thread &thread = m_threads.emplace_back();
    thread.slot = static_cast<int>(free - m_slotTaken.begin());
    ++m_live;
    thread.thread = std::thread([this, &thread] { work(thread); });
}

// Jobs wait, no thread is idle, and fewer than `threads` are busy with short jobs: the
// others hold long-running handlers, so one more thread is needed for what waits.
bool HandlerPool::needsThreadLocked(Clock::time_point now) const
{
    if (m_queue.empty())
        return false;
    int ready = 0;
    for (const Thread &thread : m_threads) {
        if (thread.exited)
            continue;
        if (!thread.busy)
            return false; // it is about to take the job
        if (now - thread.jobStarted < m_options.longAfter)
            ++ready;
    }
    return ready < m_options.threads && m_live < m_options.maxThreads;
}

int HandlerPool::othersRunningLocked(const Thread &self) const
{
    int running = 0;
    for (const Thread &thread : m_threads)
        running += &thread != &self && thread.busy && !thread.demoted ? 1 : 0;
    return running;
}

void HandlerPool::work(Thread &self)
{
    std::unique_lock lock(m_mutex);
    self.tid = ::gettid();
    while (!self.demoted) {
        bool woken = true;
        if (!m_stopping && m_queue.empty() && !m_spinning && othersRunningLocked(self) == 0) {
            // The last thread awake looks for the next job a little while before it sleeps:
            // when requests come close together (a busy server, quick handlers) it takes
            // them without the sleep and wake-up that would cost more than the handler. Not
            // while another thread runs a handler (at normal priority): the spinning would
            // take its core.
            m_spinning = true;
            lock.unlock();
            const auto until = Clock::now() + m_options.spinFor;
            // Yielding rather than pausing: on a machine with few cores the socket thread that
            // will bring the next job may need this core to do it.
            while (m_queued.load(std::memory_order_relaxed) == 0 && Clock::now() < until)
                std::this_thread::yield();
            lock.lock();
            m_spinning = false;
        }
        if (!m_stopping && m_queue.empty()) {
            const bool spare = m_live > m_options.threads;
            ++m_sleeping;
            if (spare)
                woken = m_jobsWaiting.wait_for(lock, m_options.spareIdle, [this] { return m_stopping || !m_queue.empty(); });
            else
                m_jobsWaiting.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            --m_sleeping;
        }
        if (m_stopping)
            break;
        if (!woken) {
            // A thread added for long-running handlers that has had nothing to do for a while.
            if (m_live > m_options.threads)
                break;
            continue;
        }
        Job job = std::move(m_queue.front().job);
        m_queue.pop_front();
        m_queued.store(m_queue.size(), std::memory_order_relaxed);
        self.busy = true;
        self.jobStarted = Clock::now();
        lock.unlock();
        job(self.slot);
        job = nullptr; // what it holds goes now, not while the lock is held
        lock.lock();
        self.busy = false;
    }
    self.exited = true;
    --m_live;
    m_watcherAsleep = false;
    m_watcherWake.notify_one(); // to join this thread
}

void HandlerPool::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // Threads that left: join them (they have returned, or are about to) and free the slot.
        for (auto it = m_threads.begin(); it != m_threads.end();) {
            if (!it->exited) {
                ++it;
                continue;
            }
            std::thread leaving = std::move(it->thread);
            m_slotTaken[static_cast<std::size_t>(it->slot)] = false;
            it = m_threads.erase(it);
            lock.unlock();
            leaving.join();
            lock.lock();
        }
        if (m_stopping)
            break;
        const auto now = Clock::now();
        for (Thread &thread : m_threads)
            if (thread.busy && !thread.demoted && now - thread.jobStarted >= m_options.longAfter) {
                // SCHED_IDLE: any other thread that wakes up takes the core at once. Failing
                // (a sandbox may forbid it) only leaves the thread as it was.
                const sched_param none{};
                ::sched_setscheduler(thread.tid, SCHED_IDLE, &none);
                thread.demoted = true;
            }
        if (m_live < m_options.threads)
            addThreadLocked(); // in place of a demoted thread that has left
        else if (needsThreadLocked(now))
            addThreadLocked();
        else if (!m_queue.empty() && m_sleeping > 0 && now - m_queue.front().since >= m_options.wakeAbove)
            m_jobsWaiting.notify_one(); // the busy thread it waited for is taking longer than jobs lately did
        const bool idle = m_queue.empty() && m_sleeping == m_live;
        if (idle && now - m_lastSubmit > std::chrono::milliseconds(100)) {
            m_watcherAsleep = true;
            m_watcherWake.wait(lock, [this] { return !m_watcherAsleep || m_stopping; });
        } else {
            m_watcherWake.wait_for(lock, std::chrono::milliseconds(1));
        }
    }
}

} // namespace hotpath::server
