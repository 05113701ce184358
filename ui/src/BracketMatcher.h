// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which bracket pairs with the one at a position, in Python source: brackets inside
// strings (single, double, triple-quoted, with escapes) and comments do not count.

#include <QtCore/QString>

namespace hotpath::ui {

struct BracketMatch
{
    int bracket = -1; // position of the bracket next to the cursor, -1 when none
    int partner = -1; // position of its pair, -1 when unmatched
};

// Looks at the character after `cursor` first, then the one before it (as editors do).
BracketMatch matchBracket(const QString &text, int cursor);

} // namespace hotpath::ui
