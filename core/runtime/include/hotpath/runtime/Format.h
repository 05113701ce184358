// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text of values, exactly as CPython writes it: str() and repr() of every type, floats
// as the shortest string that round-trips with Python's switch to exponent notation,
// and format() with the format mini-language. Both tiers print through these functions,
// which is how their output stays byte-identical.

#include "hotpath/runtime/Value.h"
#include "hotpath/support/FormatSpec.h"

#include <string>

namespace hotpath::runtime {

void appendFloatRepr(std::string &out, double value);
void appendIntDecimal(std::string &out, std::int64_t value);
void appendStrRepr(std::string &out, std::string_view text);

// str(v) and repr(v) for a value of the given type, appended to `out`.
void appendStr(std::string &out, Slot value, const TypeDesc *type);
void appendRepr(std::string &out, Slot value, const TypeDesc *type);

// format(v, spec) for a spec the checker has validated against the type.
void appendFormatted(std::string &out, Slot value, const TypeDesc *type, const support::FormatSpec &spec);

// round(x, ndigits), correctly rounded as CPython does (half to even on the exact
// binary value).
double roundFloat(double value, std::int64_t ndigits);

} // namespace hotpath::runtime
