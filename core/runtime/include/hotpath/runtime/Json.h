// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON for handlers: Request.json(T) parses a body straight into a typed value, and the
// server writes JSON responses. Both follow Python's json module, so a handler behaves
// as it does under Flask with the repo's shim: parse errors carry json.loads' messages,
// type mismatches name where they are ("$.items[2].price: expected float, got str 'x'"),
// and output is json.dumps(value, separators=(",", ":"), ensure_ascii=False).

#include "hotpath/runtime/Value.h"

#include <string>
#include <string_view>

namespace hotpath::runtime {

// Appends `value` of `type` as JSON text (dicts and records as objects in their order).
void appendJson(std::string &out, Slot value, const TypeDesc *type);
// Appends UTF-8 `text` as a JSON string literal.
void appendJsonString(std::string &out, std::string_view text);

extern "C" {
// Parses `text` into a new value of `type`; raises ValueError on the current Context when
// it is not JSON or does not fit the type.
Slot hp_json_parse(Str *text, const TypeDesc *type);
}

} // namespace hotpath::runtime
