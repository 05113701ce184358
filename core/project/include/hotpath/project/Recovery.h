// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Unsaved editor buffers kept outside the project, so a crash, a power cut or kill -9
// loses at most the last autosave interval of typing. One folder per project under the
// application's data location: each buffer's text in a file of its own (written
// atomically) and an index naming the file it belongs to. The studio that has a project
// open holds a lock in that folder; a lock whose process is gone means the buffers were
// left behind by a crash, and the next studio to open the project offers them back.

#include <QtCore/QDateTime>
#include <QtCore/QLockFile>
#include <QtCore/QString>

#include <memory>
#include <vector>

namespace hotpath::project {

struct RecoveredBuffer
{
    QString file; // absolute path of the project file the buffer belongs to
    QString text;
    QDateTime savedAt;
};

class Recovery
{
public:
    // `root` defaults to <AppDataLocation>/recovery.
    explicit Recovery(const QString &project, const QString &root = {});
    ~Recovery();

    // Takes the project's lock. False when another running studio holds it (then this one
    // neither offers its buffers nor writes over them).
    bool claim();
    bool claimed() const { return m_lock && m_lock->isLocked(); }

    // Buffers a crashed session left, newest first; empty unless claim() succeeded.
    std::vector<RecoveredBuffer> leftBehind() const;

    void keep(const QString &file, const QString &text); // autosave one buffer
    void forget(const QString &file);                   // saved or discarded
    void forgetAll();

    QString folder() const { return m_folder; }

private:
    QString m_folder;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace hotpath::project
