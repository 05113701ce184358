// SPDX-License-Identifier: GPL-3.0-or-later
// The native functions behind NATIVE: thin adapters from registers to runtime calls.
#include "hotpath/vm/Natives.h"

#include "hotpath/runtime/Exceptions.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Json.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/vm/Operations.h"

#include <cmath>

namespace hotpath::vm {

using namespace hotpath::runtime;

namespace {

Str *S(Slot s) { return static_cast<Str *>(s.p); }
List *L(Slot s) { return static_cast<List *>(s.p); }
Dict *D(Slot s) { return static_cast<Dict *>(s.p); }

#define NATIVE_FN(name) void native_##name(Slot *a, Slot *r, const TypeDesc *t)
#define UNUSED_T (void)t
#define UNUSED_A (void)a

NATIVE_FN(str_index) { UNUSED_T; r->p = hp_str_index(S(a[0]), a[1].i); }
NATIVE_FN(str_slice) { UNUSED_T; r->p = hp_str_slice(S(a[0]), a[1].i, a[2].i, a[3].i, static_cast<std::uint32_t>(a[4].i)); }
NATIVE_FN(str_repeat) { UNUSED_T; r->p = hp_str_repeat(S(a[0]), a[1].i); }
NATIVE_FN(str_contains) { UNUSED_T; r->i = hp_str_contains(S(a[0]), S(a[1])); }
NATIVE_FN(str_split) { r->p = hp_str_split(S(a[0]), S(a[1]), a[2].i, t); }
NATIVE_FN(str_join) { UNUSED_T; r->p = hp_str_join(S(a[0]), L(a[1])); }
NATIVE_FN(str_strip) { UNUSED_T; r->p = hp_str_strip(S(a[0]), S(a[1]), a[2].i); }
NATIVE_FN(str_upper) { UNUSED_T; r->p = hp_str_upper(S(a[0])); }
NATIVE_FN(str_lower) { UNUSED_T; r->p = hp_str_lower(S(a[0])); }
NATIVE_FN(str_title) { UNUSED_T; r->p = hp_str_title(S(a[0])); }
NATIVE_FN(str_startswith) { UNUSED_T; r->i = hp_str_startswith(S(a[0]), S(a[1])); }
NATIVE_FN(str_endswith) { UNUSED_T; r->i = hp_str_endswith(S(a[0]), S(a[1])); }
NATIVE_FN(str_find) { UNUSED_T; r->i = hp_str_find(S(a[0]), S(a[1]), a[2].i, a[3].i, false); }
NATIVE_FN(str_rfind) { UNUSED_T; r->i = hp_str_find(S(a[0]), S(a[1]), a[2].i, a[3].i, true); }
NATIVE_FN(str_replace) { UNUSED_T; r->p = hp_str_replace(S(a[0]), S(a[1]), S(a[2]), a[3].i); }
NATIVE_FN(str_count) { UNUSED_T; r->i = hp_str_count(S(a[0]), S(a[1])); }
NATIVE_FN(str_isdigit) { UNUSED_T; r->i = hp_str_isdigit(S(a[0])); }
NATIVE_FN(str_isalpha) { UNUSED_T; r->i = hp_str_isalpha(S(a[0])); }
NATIVE_FN(str_isspace) { UNUSED_T; r->i = hp_str_isspace(S(a[0])); }
NATIVE_FN(str_zfill) { UNUSED_T; r->p = hp_str_zfill(S(a[0]), a[1].i); }
NATIVE_FN(ord) { UNUSED_T; r->i = hp_str_ord(S(a[0])); }
NATIVE_FN(chr) { UNUSED_T; r->p = hp_str_chr(a[0].i); }
NATIVE_FN(int_from_str) { UNUSED_T; r->i = hp_int_from_str(S(a[0]), a[1].i); }
NATIVE_FN(float_from_str) { UNUSED_T; r->f = hp_float_from_str(S(a[0])); }
NATIVE_FN(int_from_float) { UNUSED_T; r->i = hp_int_from_float(a[0].f); }
NATIVE_FN(to_str) { r->p = hp_to_str(a[0], t); }
NATIVE_FN(to_repr) { r->p = hp_to_repr(a[0], t); }

// round(x): half to even, like Python, then to int.
NATIVE_FN(round_float)
{
    UNUSED_T;
    r->i = hp_int_from_float(std::nearbyint(a[0].f));
}
NATIVE_FN(round_float_digits) { UNUSED_T; r->f = roundFloat(a[0].f, a[1].i); }

// round(int, n): for negative n, round half to even at 10^-n.
NATIVE_FN(round_int_digits)
{
    UNUSED_T;
    const std::int64_t n = a[1].i;
    if (n >= 0) {
        r->i = a[0].i;
        return;
    }
    if (n < -18) {
        r->i = 0;
        return;
    }
    std::int64_t scale = 1;
    for (std::int64_t k = 0; k < -n; ++k)
        scale *= 10;
    const std::int64_t x = a[0].i;
    std::int64_t q = x / scale, rem = x % scale;
    if (rem < 0) {
        rem += scale;
        --q;
    }
    if (rem * 2 > scale || (rem * 2 == scale && (q & 1)))
        ++q;
    if (__builtin_mul_overflow(q, scale, &r->i))
        raiseOnCurrent(ErrorKind::OverflowError, overflowMessage);
}

NATIVE_FN(list_slice) { UNUSED_T; r->p = hp_list_slice(L(a[0]), a[1].i, a[2].i, a[3].i, static_cast<std::uint32_t>(a[4].i)); }
NATIVE_FN(list_concat) { UNUSED_T; r->p = hp_list_concat(L(a[0]), L(a[1])); }
NATIVE_FN(list_repeat) { UNUSED_T; r->p = hp_list_repeat(L(a[0]), a[1].i); }
NATIVE_FN(list_contains) { UNUSED_T; r->i = hp_list_contains(L(a[0]), a[1]); }
NATIVE_FN(list_pop) { UNUSED_T; *r = hp_list_pop(L(a[0]), a[1].i); }
NATIVE_FN(list_insert) { UNUSED_T; hp_list_insert(L(a[0]), a[1].i, a[2]); r->i = 0; }
NATIVE_FN(list_extend) { UNUSED_T; hp_list_extend(L(a[0]), L(a[1])); r->i = 0; }
NATIVE_FN(list_index) { UNUSED_T; r->i = hp_list_index(L(a[0]), a[1]); }
NATIVE_FN(list_count) { UNUSED_T; r->i = hp_list_count(L(a[0]), a[1]); }
NATIVE_FN(list_reverse) { UNUSED_T; hp_list_reverse(L(a[0])); r->i = 0; }
NATIVE_FN(list_clear) { UNUSED_T; hp_list_clear(L(a[0])); r->i = 0; }
NATIVE_FN(dict_clear) { UNUSED_T; hp_dict_clear(D(a[0])); r->i = 0; }
NATIVE_FN(list_sort) { UNUSED_T; hp_list_sort(L(a[0]), a[1].i != 0); r->i = 0; }
NATIVE_FN(list_sort_keyed) { UNUSED_T; hp_list_sort_keyed(L(a[0]), L(a[1]), a[2].i != 0); r->i = 0; }
// min() or max() (a[0]: 0 or 1) of nothing, without a default.
NATIVE_FN(empty_sequence)
{
    UNUSED_T;
    raiseOnCurrent(ErrorKind::ValueError, std::string(a[0].i ? "max" : "min") + "() arg is an empty sequence");
    r->i = 0;
}
NATIVE_FN(list_copy) { UNUSED_T; r->p = hp_list_slice(L(a[0]), 0, 0, 1, 0); }
// A copy of type t: list(a tuple[T, ...]), or tuple(a list).
NATIVE_FN(list_copy_as)
{
    r->p = hp_list_slice(L(a[0]), 0, 0, 1, 0);
    if (r->p)
        L(r[0])->type = t;
}

void minMax(Slot *a, Slot *r, bool wantMax)
{
    List *list = L(a[0]);
    if (list->size == 0) {
        raiseOnCurrent(ErrorKind::ValueError, std::string(wantMax ? "max" : "min") + "() arg is an empty sequence");
        return;
    }
    const TypeDesc *type = list->type->element;
    Slot best = list->items[0];
    for (std::int64_t i = 1; i < list->size; ++i) {
        const std::int64_t c = hp_compare(list->items[i], best, type);
        if (wantMax ? c > 0 : c < 0)
            best = list->items[i];
    }
    retainSlot(best, type);
    *r = best;
}
NATIVE_FN(list_min) { UNUSED_T; minMax(a, r, false); }
NATIVE_FN(list_max) { UNUSED_T; minMax(a, r, true); }

NATIVE_FN(dict_contains) { UNUSED_T; r->i = hp_dict_contains(D(a[0]), a[1]); }
NATIVE_FN(dict_get_default)
{
    UNUSED_T;
    Slot value{0};
    *r = hp_dict_lookup(D(a[0]), a[1], &value) ? value : a[2];
    retainSlot(*r, D(a[0])->type->element);
}
// Sets (runtime/SetOps.cpp). set_new's and set_to_list's t is the type to make.
Set *SET(Slot s) { return static_cast<Set *>(s.p); }
NATIVE_FN(set_new) { UNUSED_A; r->p = hp_set_new(t); }
NATIVE_FN(set_add) { UNUSED_T; hp_set_add(SET(a[0]), a[1]); r->i = 0; }
NATIVE_FN(set_remove) { UNUSED_T; hp_set_remove(SET(a[0]), a[1]); r->i = 0; }
NATIVE_FN(set_discard) { UNUSED_T; hp_set_discard(SET(a[0]), a[1]); r->i = 0; }
NATIVE_FN(set_pop) { UNUSED_T; *r = hp_set_pop(SET(a[0])); }
NATIVE_FN(set_clear) { UNUSED_T; hp_set_clear(SET(a[0])); r->i = 0; }
NATIVE_FN(set_update) { UNUSED_T; hp_set_update(SET(a[0]), SET(a[1])); r->i = 0; }
NATIVE_FN(set_copy) { UNUSED_T; r->p = hp_set_copy(SET(a[0])); }
NATIVE_FN(set_union) { UNUSED_T; r->p = hp_set_union(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_intersection) { UNUSED_T; r->p = hp_set_intersection(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_difference) { UNUSED_T; r->p = hp_set_difference(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_symmetric_difference) { UNUSED_T; r->p = hp_set_symmetric_difference(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_intersection_update) { UNUSED_T; hp_set_intersection_update(SET(a[0]), SET(a[1])); r->i = 0; }
NATIVE_FN(set_difference_update) { UNUSED_T; hp_set_difference_update(SET(a[0]), SET(a[1])); r->i = 0; }
NATIVE_FN(set_symmetric_difference_update) { UNUSED_T; hp_set_symmetric_difference_update(SET(a[0]), SET(a[1])); r->i = 0; }
NATIVE_FN(set_le) { UNUSED_T; r->i = hp_set_is_subset(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_lt) { UNUSED_T; r->i = SET(a[0])->used < SET(a[1])->used && hp_set_is_subset(SET(a[0]), SET(a[1])); }
NATIVE_FN(set_isdisjoint)
{
    UNUSED_T;
    Set *common = hp_set_intersection(SET(a[0]), SET(a[1]));
    r->i = common && common->used == 0;
    release(common);
}
NATIVE_FN(set_contains) { UNUSED_T; r->i = hp_set_contains(SET(a[0]), a[1]); }
NATIVE_FN(set_to_list) { r->p = hp_set_to_list(SET(a[0]), t); }
NATIVE_FN(set_purge) { UNUSED_T; hp_set_purge(SET(a[0])); r->i = 0; }
NATIVE_FN(set_reinserted) { UNUSED_T; r->p = hp_set_reinserted(SET(a[0])); }

// a, b = a_list: ValueError unless the list has exactly that many items, as CPython says.
NATIVE_FN(list_unpack)
{
    UNUSED_T;
    const std::int64_t size = L(a[0])->size, wanted = a[1].i;
    r->i = 0;
    if (size < wanted)
        raiseOnCurrent(ErrorKind::ValueError, "not enough values to unpack (expected " + std::to_string(wanted) + ", got "
                                                  + std::to_string(size) + ")");
    else if (size > wanted)
        raiseOnCurrent(ErrorKind::ValueError, "too many values to unpack (expected " + std::to_string(wanted) + ")");
}

__extension__ using Wide = __int128; // products of two residues below 2**63

// pow(base, exp, mod) for ints, as Python: a result with the modulus's sign, and a
// negative exponent through the modular inverse.
NATIVE_FN(pow_mod)
{
    UNUSED_T;
    std::int64_t base = a[0].i, exponent = a[1].i;
    const std::int64_t modulus = a[2].i;
    r->i = 0;
    if (modulus == 0) {
        raiseOnCurrent(ErrorKind::ValueError, "pow() 3rd argument cannot be 0");
        return;
    }
    const Wide m = modulus < 0 ? -static_cast<Wide>(modulus) : modulus;
    auto reduce = [&](Wide v) { v %= m; return v < 0 ? v + m : v; };
    Wide b = reduce(base);
    if (exponent < 0) {
        // The inverse of b mod m, by the extended Euclidean algorithm.
        Wide oldR = b, r0 = m, oldS = 1, s0 = 0;
        while (r0 != 0) {
            const Wide q = oldR / r0;
            Wide next = oldR - q * r0;
            oldR = r0;
            r0 = next;
            next = oldS - q * s0;
            oldS = s0;
            s0 = next;
        }
        if (oldR != 1) {
            raiseOnCurrent(ErrorKind::ValueError, "base is not invertible for the given modulus");
            return;
        }
        b = reduce(oldS);
        exponent = -exponent;
    }
    Wide result = m == 1 ? 0 : 1;
    for (std::uint64_t e = static_cast<std::uint64_t>(exponent); e; e >>= 1) {
        if (e & 1)
            result = result * b % m;
        b = b * b % m;
    }
    if (modulus < 0 && result != 0)
        result -= m;
    r->i = static_cast<std::int64_t>(result);
}

// d.get(k): the value as a V | None (t is that Optional type).
NATIVE_FN(dict_get)
{
    Slot value{0};
    if (!hp_dict_lookup(D(a[0]), a[1], &value)) {
        r->p = nullptr;
        return;
    }
    if (t->boxesScalar() && D(a[0])->type->element->kind != Kind::Optional) {
        r->p = hp_box(value, t);
    } else {
        // An object, or a value that is a T | None already (the dict's values are).
        retain(value.p);
        *r = value;
    }
}
NATIVE_FN(dict_pop) { UNUSED_T; *r = hp_dict_pop(D(a[0]), a[1], Slot{0}, false); }
NATIVE_FN(dict_pop_default) { UNUSED_T; *r = hp_dict_pop(D(a[0]), a[1], a[2], true); }
NATIVE_FN(dict_setdefault)
{
    UNUSED_T;
    *r = hp_dict_setdefault(D(a[0]), a[1], a[2]);
    retainSlot(*r, D(a[0])->type->element);
}

NATIVE_FN(tuple_to_list)
{
    // A homogeneous tuple becomes a list; `t` is that list's type.
    const auto *tuple = static_cast<Tuple *>(a[0].p);
    const std::uint32_t count = tuple->type->count;
    List *list = newList(t, count);
    if (!list)
        return;
    for (std::uint32_t i = 0; i < count; ++i) {
        list->items[i] = tuple->items()[i];
        retainSlot(list->items[i], t->element);
    }
    r->p = list;
}
NATIVE_FN(tuple_contains)
{
    const auto *tuple = static_cast<Tuple *>(a[0].p);
    r->i = 0;
    for (std::uint32_t i = 0; i < t->count; ++i)
        if (hp_equal(tuple->items()[i], a[1], t->items[i]))
            r->i = 1;
}

double checked(double result, double x, bool domainOk)
{
    if (!domainOk || (std::isnan(result) && !std::isnan(x))) {
        raiseOnCurrent(ErrorKind::ValueError, "math domain error");
        return 0;
    }
    if (std::isinf(result) && std::isfinite(x)) {
        raiseOnCurrent(ErrorKind::OverflowError, "math range error");
        return 0;
    }
    return result;
}

NATIVE_FN(math_sqrt) { UNUSED_T; r->f = checked(std::sqrt(a[0].f), a[0].f, !(a[0].f < 0)); }
NATIVE_FN(math_sin) { UNUSED_T; r->f = checked(std::sin(a[0].f), a[0].f, !std::isinf(a[0].f)); }
NATIVE_FN(math_cos) { UNUSED_T; r->f = checked(std::cos(a[0].f), a[0].f, !std::isinf(a[0].f)); }
NATIVE_FN(math_tan) { UNUSED_T; r->f = checked(std::tan(a[0].f), a[0].f, !std::isinf(a[0].f)); }
NATIVE_FN(math_atan2) { UNUSED_T; r->f = std::atan2(a[0].f, a[1].f); }
NATIVE_FN(math_exp) { UNUSED_T; r->f = checked(std::exp(a[0].f), a[0].f, true); }
NATIVE_FN(math_log) { UNUSED_T; r->f = checked(std::log(a[0].f), a[0].f, a[0].f > 0 || std::isnan(a[0].f)); }
NATIVE_FN(math_log_base)
{
    UNUSED_T;
    if (!(a[0].f > 0) || !(a[1].f > 0)) {
        raiseOnCurrent(ErrorKind::ValueError, "math domain error");
        return;
    }
    if (a[1].f == 1.0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "float division by zero");
        return;
    }
    r->f = std::log(a[0].f) / std::log(a[1].f);
}
NATIVE_FN(math_log10) { UNUSED_T; r->f = checked(std::log10(a[0].f), a[0].f, a[0].f > 0 || std::isnan(a[0].f)); }
NATIVE_FN(math_floor) { UNUSED_T; r->i = hp_int_from_float(std::floor(a[0].f)); }
NATIVE_FN(math_ceil) { UNUSED_T; r->i = hp_int_from_float(std::ceil(a[0].f)); }
NATIVE_FN(math_fabs) { UNUSED_T; r->f = std::fabs(a[0].f); }
NATIVE_FN(math_pow)
{
    UNUSED_T;
    const double x = a[0].f, y = a[1].f;
    if (x == 0 && y < 0) {
        raiseOnCurrent(ErrorKind::ValueError, "math domain error");
        return;
    }
    if (x < 0 && std::isfinite(y) && y != std::floor(y)) {
        raiseOnCurrent(ErrorKind::ValueError, "math domain error");
        return;
    }
    const double result = std::pow(x, y);
    if (std::isinf(result) && std::isfinite(x) && std::isfinite(y)) {
        raiseOnCurrent(ErrorKind::OverflowError, "math range error");
        return;
    }
    r->f = result;
}
NATIVE_FN(math_isnan) { UNUSED_T; r->i = std::isnan(a[0].f); }
NATIVE_FN(math_isinf) { UNUSED_T; r->i = std::isinf(a[0].f); }

NATIVE_FN(divmod_int)
{
    const std::int64_t x = a[0].i, y = a[1].i;
    if (y == 0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
        return;
    }
    if (x == INT64_MIN && y == -1) {
        raiseOnCurrent(ErrorKind::OverflowError, overflowMessage);
        return;
    }
    Tuple *tuple = newTuple(t);
    if (!tuple)
        return;
    tuple->items()[0].i = floorDiv(x, y);
    tuple->items()[1].i = floorMod(x, y);
    r->p = tuple;
}

NATIVE_FN(divmod_float)
{
    const double x = a[0].f, y = a[1].f;
    if (y == 0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "float divmod()");
        return;
    }
    Tuple *tuple = newTuple(t);
    if (!tuple)
        return;
    tuple->items()[0].f = floatFloorDiv(x, y);
    tuple->items()[1].f = floatMod(x, y);
    r->p = tuple;
}

NATIVE_FN(equal) { r->i = hp_equal(a[0], a[1], t); }
NATIVE_FN(json_parse) { *r = hp_json_parse(S(a[0]), t); }
// jsonify(value): the value as JSON text, as the server answers a handler's result.
NATIVE_FN(to_json)
{
    std::string text;
    appendJson(text, a[0], t);
    r->p = newStr(text);
}
NATIVE_FN(abort)
{
    UNUSED_T;
    r->i = 0;
    hp_abort(a[0].i, static_cast<const Str *>(a[1].p));
}

#undef NATIVE_FN

constexpr NativeFunction functions[] = {
#define HOTPATH_NATIVE_POINTER(name, count) &native_##name,
    HOTPATH_NATIVES(HOTPATH_NATIVE_POINTER)
#undef HOTPATH_NATIVE_POINTER
};

constexpr const char *names[] = {
#define HOTPATH_NATIVE_NAME(name, count) #name,
    HOTPATH_NATIVES(HOTPATH_NATIVE_NAME)
#undef HOTPATH_NATIVE_NAME
};

constexpr int counts[] = {
#define HOTPATH_NATIVE_COUNT(name, count) count,
    HOTPATH_NATIVES(HOTPATH_NATIVE_COUNT)
#undef HOTPATH_NATIVE_COUNT
};

} // namespace

NativeFunction nativeFunction(Native native) { return functions[static_cast<size_t>(native)]; }
const char *nativeName(Native native) { return names[static_cast<size_t>(native)]; }
int nativeArgumentCount(Native native) { return counts[static_cast<size_t>(native)]; }

} // namespace hotpath::vm
