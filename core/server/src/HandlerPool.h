// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The threads handlers run on, apart from the threads that own sockets, so a handler that
// runs long (up to its deadline) never holds up another connection's answer.
//
// The pool keeps `threads` threads ready for new work. A thread whose handler has run
// longer than `longAfter` no longer counts as ready: when jobs wait and fewer than
// `threads` threads are idle or busy with short jobs, a watcher adds a thread (up to
// `maxThreads`), so a few runaways cannot take every thread from the quick requests.
// Threads above `threads` leave after `spareIdle` without work. Jobs beyond `maxQueued`
// are refused (the server answers 503). Standard library only.
//
// Waking a sleeping thread costs more than a quick handler (a "Hello, World!" takes a few
// microseconds): a new job waits for a thread that began its job less than `wakeAbove`
// ago (or that is looking for work) rather than waking another, unless other jobs wait
// too; if it then waits longer than `wakeAbove`, the watcher wakes a thread for it. And a thread that runs
// out of jobs looks for the next one for `spinFor` before it sleeps (one at a time).
//
// A thread whose handler runs past `longAfter` is also given the lowest priority
// (SCHED_IDLE), so on a machine with few cores the quick handlers, the socket threads and
// the clients get the CPU first; a long handler still has the CPU to itself when nothing
// else wants it. An unprivileged thread cannot raise its priority again, so a demoted
// thread leaves after its job and a fresh one takes its place.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <sys/types.h>
#include <mutex>
#include <thread>
#include <vector>

namespace hotpath::server {

class HandlerPool
{
public:
    using Clock = std::chrono::steady_clock;
    // Called on a pool thread with that thread's slot: 0 .. maxThreads-1, reused, so it
    // can index per-thread data such as metric shards.
    using Job = std::function<void(int slot)>;

    struct Options
    {
        int threads = 2;
        int maxThreads = 64;
        std::size_t maxQueued = 1024;
        std::chrono::milliseconds longAfter{2};
        std::chrono::milliseconds spareIdle{5000};
        std::chrono::microseconds wakeAbove{50};
        std::chrono::microseconds spinFor{50};
    };

    explicit HandlerPool(Options options);
    ~HandlerPool();
    HandlerPool(const HandlerPool &) = delete;
    HandlerPool &operator=(const HandlerPool &) = delete;

    // False when the pool is stopped or maxQueued jobs already wait.
    bool submit(Job job);
    // Drops the jobs that wait and returns once the running ones have finished.
    void stop();
    bool stopping() const;

    struct Load
    {
        int threads = 0;
        int busy = 0;
        std::size_t queued = 0;
    };
    Load load() const;
    const Options &options() const { return m_options; }

private:
    struct Thread
    {
        std::thread thread;
        int slot = 0;
        bool busy = false;
        bool exited = false;
        bool demoted = false; // runs at a lower priority: leaves once its job is done
        pid_t tid = 0;
        Clock::time_point jobStarted;
    };

    void work(Thread &self);
    void watch();
    void addThreadLocked();
    bool needsThreadLocked(Clock::time_point now) const;
    int othersRunningLocked(const Thread &self) const; // busy at normal priority

    struct Queued
    {
        Job job;
        Clock::time_point since;
    };

    const Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_jobsWaiting;
    std::condition_variable m_watcherWake;
    std::deque<Queued> m_queue;
    int m_sleeping = 0; // threads waiting for a job
    bool m_spinning = false; // a thread looks for the next job before it sleeps
    std::atomic<std::size_t> m_queued{0}; // m_queue.size(), for the spinning thread
    bool m_watcherAsleep = false; // until a job comes or a thread leaves
    Clock::time_point m_lastSubmit;
    std::list<Thread> m_threads; // stable addresses: each thread holds its own entry
    std::vector<bool> m_slotTaken;
    int m_live = 0; // threads that have not decided to leave
    bool m_stopping = false;
    std::thread m_watcher;
};

} // namespace hotpath::server
