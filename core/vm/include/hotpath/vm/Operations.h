// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Operations that both tiers perform exactly alike. The interpreter inlines the small
// ones from here; JIT-compiled code calls the extern "C" hp_op_* entry points, which
// wrap the same code, so a result or an error message cannot differ between tiers.

#include "hotpath/runtime/Context.h"
#include "hotpath/runtime/Value.h"
#include "hotpath/support/FormatSpec.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace hotpath::vm {

using runtime::Slot;
using runtime::Str;
using runtime::TypeDesc;

inline constexpr const char *overflowMessage = "integer overflow: result does not fit in 64 bits";

// Integer floor division and modulo, Python style (the caller has excluded y == 0 and
// MIN // -1).
inline std::int64_t floorDiv(std::int64_t x, std::int64_t y)
{
    std::int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        --q;
    return q;
}

inline std::int64_t floorMod(std::int64_t x, std::int64_t y)
{
    if (y == -1)
        return 0;
    std::int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0)))
        m += y;
    return m;
}

inline double floatFloorDiv(double x, double y)
{
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0)))
        div -= 1.0;
    if (div != 0) {
        double floored = std::floor(div);
        if (div - floored > 0.5)
            floored += 1.0;
        return floored;
    }
    return std::copysign(0.0, x / y);
}

inline double floatMod(double x, double y)
{
    double mod = std::fmod(x, y);
    if (mod != 0) {
        if ((y < 0) != (mod < 0))
            mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return mod;
}

inline bool intPow(std::int64_t base, std::int64_t exponent, std::int64_t &out)
{
    std::int64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return false;
        }
        exponent >>= 1;
        if (exponent && __builtin_mul_overflow(base, base, &base))
            return false;
    }
    out = result;
    return true;
}

// Compares an int with a finite float exactly, as Python does (no rounding of the int).
inline int compareIntFloat(std::int64_t i, double f)
{
    if (f >= 9223372036854775808.0)
        return -1;
    if (f < -9223372036854775808.0)
        return 1;
    const double floored = std::floor(f);
    const auto whole = static_cast<std::int64_t>(floored);
    if (i != whole)
        return i < whole ? -1 : 1;
    return f > floored ? -1 : 0;
}

// int / int, int << int and int >> int, raising as CPython words it (and returning 0).
// Inline: the interpreter's dispatch loop runs them in place; the JIT inlines the same
// rules in IR and calls hp_op_div_int for the operands that need long double.
inline double checkedDivInt(std::int64_t x, std::int64_t y)
{
    if (y == 0) {
        runtime::raiseOnCurrent(runtime::ErrorKind::ZeroDivisionError, "division by zero");
        return 0;
    }
    // Up to 2^53 both operands are exact doubles and one division rounds correctly, as
    // CPython's int / int does. Beyond, they are exact in long double, so the quotient is
    // rounded twice: right outside rare double-rounding ties.
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (x >= -exact && x <= exact && y >= -exact && y <= exact)
        return static_cast<double>(x) / static_cast<double>(y);
    return static_cast<double>(static_cast<long double>(x) / static_cast<long double>(y));
}

inline std::int64_t checkedShiftLeft(std::int64_t x, std::int64_t n)
{
    if (n < 0) {
        runtime::raiseOnCurrent(runtime::ErrorKind::ValueError, "negative shift count");
        return 0;
    }
    if (x == 0)
        return 0;
    // n == 63 keeps only the sign bit: right for -1 (-1 << 63 is -2**63), lost bits otherwise.
    if (n >= 64 || ((x << n) >> n) != x) {
        runtime::raiseOnCurrent(runtime::ErrorKind::OverflowError, overflowMessage);
        return 0;
    }
    return x << n;
}

inline std::int64_t checkedShiftRight(std::int64_t x, std::int64_t n)
{
    if (n < 0) {
        runtime::raiseOnCurrent(runtime::ErrorKind::ValueError, "negative shift count");
        return 0;
    }
    return n >= 64 ? (x < 0 ? -1 : 0) : (x >> n);
}

// Single-character ASCII strings are shared and immortal: iterating or indexing text
// then allocates nothing.
Str *asciiCharacter(unsigned char c);

// f-string fields: str(v), repr(v) (conversion) and format(v, spec).
Str *formatValue(Slot value, const TypeDesc *type, const support::FormatSpec *spec, bool repr);

std::string unboundMessage(Slot name);

// ---- entry points for JIT-compiled code (raise on the current Context on failure)
extern "C" {
std::int64_t hp_op_pow_int(std::int64_t base, std::int64_t exponent);
double hp_op_div_int(std::int64_t x, std::int64_t y);
double hp_op_floordiv_float(double x, double y);
double hp_op_mod_float(double x, double y);
double hp_op_pow_float(double x, double y);
std::int64_t hp_op_compare_int_float(std::int64_t i, double f, std::int64_t op);
Str *hp_op_format(Slot value, const TypeDesc *type, const support::FormatSpec *spec, std::int64_t repr);
void hp_op_unbound(Str *name);
void hp_op_assert_fail(Str *message);
void hp_op_raise(std::int64_t kind, const char *message);
std::int64_t hp_op_str_next(Str *text, std::int64_t position, Slot *out);
std::int64_t hp_op_dict_next(runtime::Dict *dict, std::int64_t position, std::int64_t expectedSize, Slot *out);
runtime::List *hp_op_new_list(const TypeDesc *type, const Slot *items, std::int64_t n);
runtime::Dict *hp_op_new_dict(const TypeDesc *type, const Slot *items, std::int64_t pairs);
runtime::Tuple *hp_op_new_tuple(const TypeDesc *type, const Slot *items);
void hp_op_release(void *object); // release() out of line: one call instead of three branches
void hp_op_retain_shared(void *object); // the slow path of the JIT's inlined retain
// An object stored into a list item or record field at `address` (retained, shared when
// the container is, the old value released): the JIT's LIST_SET and SET_FIELD.
void hp_op_store_object(void *container, Slot *address, void *value);
// STORE_STATE_OBJ in both tiers: the value becomes shared before it is reachable.
void hp_op_store_state(Slot *address, void *value);
}

} // namespace hotpath::vm
