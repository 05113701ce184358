# SPDX-License-Identifier: GPL-3.0-or-later
# One interface target carries Hotpath's warning policy, so every first-party
# target opts in by linking it and third-party code is never built with -Werror.
add_library(hotpath_warnings INTERFACE)
target_compile_options(hotpath_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror -Wnon-virtual-dtor -Wimplicit-fallthrough
  $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
  $<$<CXX_COMPILER_ID:Clang>:-Wshadow-uncaptured-local>)

# Qt hygiene: no `signals`/`slots` macros leaking into headers, no implicit
# char* -> QString conversions hiding encoding bugs, nothing deprecated in 6.4.
add_library(hotpath_qt_defines INTERFACE)
target_compile_definitions(hotpath_qt_defines INTERFACE
  QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_FOREACH
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
