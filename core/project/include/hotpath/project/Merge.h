// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A three-way merge by lines, for a file changed on disk while the editor holds unsaved
// edits: `base` is the text both started from (what was last loaded or saved), `mine` the
// editor's, `theirs` the disk's. Changes to different lines are combined; changes to the
// same lines (unless identical) are a conflict, and then nothing is merged.

#include <QtCore/QString>

#include <optional>

namespace hotpath::project {

std::optional<QString> mergeLines(const QString &base, const QString &mine, const QString &theirs);

} // namespace hotpath::project
