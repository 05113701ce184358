// SPDX-License-Identifier: GPL-3.0-or-later
// The operations both tiers share (see Operations.h). Each raises on the current call's
// Context, with CPython's wording, and returns a placeholder the caller never reads.
#include "hotpath/vm/Operations.h"

#include "hotpath/runtime/Context.h"
#include "hotpath/vm/Bytecode.h"
#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"
#include "hotpath/support/Text.h"

namespace hotpath::vm {

using namespace hotpath::runtime;

Str *asciiCharacter(unsigned char c)
{
    static Str *table[128] = {};
    static const bool ready = [] {
        for (int i = 0; i < 128; ++i) {
            const char ch = static_cast<char>(i);
            table[i] = newStr(std::string_view(&ch, 1));
            makeImmortal(table[i]);
        }
        return true;
    }();
    (void)ready;
    return table[c];
}

Str *formatValue(Slot value, const TypeDesc *type, const support::FormatSpec *spec, bool repr)
{
    std::string text;
    if (repr) {
        std::string reprText;
        appendRepr(reprText, value, type);
        if (!spec)
            return newStr(reprText);
        // The spec then applies to the repr text, as to any str.
        static const TypeDesc strType{Kind::Str, nullptr, 0, nullptr, nullptr, nullptr};
        Str *s = newStr(reprText);
        if (!s)
            return nullptr;
        Slot slot;
        slot.p = s;
        appendFormatted(text, slot, &strType, *spec);
        release(s);
    } else if (spec) {
        appendFormatted(text, value, type, *spec);
        if (Context *context = Context::current(); context && context->failed())
            return nullptr; // format(None, ".2f") raised: nothing to make
    } else {
        appendStr(text, value, type);
    }
    return newStr(text);
}

std::string unboundMessage(Slot name)
{
    return "cannot access local variable '" + std::string(view(static_cast<Str *>(name.p)))
        + "' where it is not associated with a value";
}

extern "C" {

std::int64_t hp_op_pow_int(std::int64_t base, std::int64_t exponent)
{
    std::int64_t out = 0;
    if (exponent < 0)
        raiseOnCurrent(ErrorKind::ValueError, "negative exponent: use float(x) ** n");
    else if (!intPow(base, exponent, out))
        raiseOnCurrent(ErrorKind::OverflowError, overflowMessage);
    return out;
}

double hp_op_div_int(std::int64_t x, std::int64_t y) { return checkedDivInt(x, y); }

double hp_op_floordiv_float(double x, double y)
{
    if (y == 0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "float floor division by zero");
        return 0;
    }
    return floatFloorDiv(x, y);
}

double hp_op_mod_float(double x, double y)
{
    if (y == 0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "float modulo");
        return 0;
    }
    return floatMod(x, y);
}

double hp_op_pow_float(double x, double y)
{
    if (x == 0 && y < 0) {
        raiseOnCurrent(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return 0;
    }
    if (x < 0 && std::isfinite(y) && y != std::floor(y)) {
        raiseOnCurrent(ErrorKind::ValueError, "negative number cannot be raised to a fractional power");
        return 0;
    }
    const double value = std::pow(x, y);
    if (std::isinf(value) && std::isfinite(x) && std::isfinite(y)) {
        raiseOnCurrent(ErrorKind::OverflowError, "(34, 'Numerical result out of range')");
        return 0;
    }
    return value;
}

std::int64_t hp_op_compare_int_float(std::int64_t i, double f, std::int64_t op)
{
    const auto kind = static_cast<CompareKind>(op);
    if (std::isnan(f))
        return kind == CompareKind::Ne;
    const int c = compareIntFloat(i, f);
    switch (kind) {
    case CompareKind::Eq: return c == 0;
    case CompareKind::Ne: return c != 0;
    case CompareKind::Lt: return c < 0;
    case CompareKind::Le: return c <= 0;
    case CompareKind::Gt: return c > 0;
    case CompareKind::Ge: return c >= 0;
    }
    return 0;
}

Str *hp_op_format(Slot value, const TypeDesc *type, const support::FormatSpec *spec, std::int64_t repr)
{
    return formatValue(value, type, spec, repr != 0);
}

void hp_op_unbound(Str *name)
{
    Slot slot;
    slot.p = name;
    raiseOnCurrent(ErrorKind::UnboundLocalError, unboundMessage(slot));
}

void hp_op_assert_fail(Str *message)
{
    Context *context = Context::current();
    if (!message || !context) {
        raiseOnCurrent(ErrorKind::AssertionError, std::string());
        return;
    }
    // `assert x, ""` has an argument, though an empty one: repr(e) is AssertionError('').
    std::string args;
    appendStrRepr(args, view(message));
    context->raiseException(builtinExceptionClass(ErrorKind::AssertionError), std::string(view(message)), args, true, 0, false);
}

void hp_op_raise(std::int64_t kind, const char *message)
{
    raiseOnCurrent(static_cast<ErrorKind>(kind), message);
}

std::int64_t hp_op_str_next(Str *text, std::int64_t position, Slot *out)
{
    if (position >= text->length)
        return 0;
    const auto at = static_cast<std::size_t>(position);
    const unsigned char lead = static_cast<unsigned char>(text->data()[at]);
    std::size_t next = at;
    if (lead < 0x80) {
        out[0].p = asciiCharacter(lead);
        ++next;
    } else {
        support::decodeUtf8(view(text), next);
        out[0].p = newStr(view(text).substr(at, next - at));
        if (!out[0].p)
            return 0;
    }
    out[1].i = static_cast<std::int64_t>(next);
    return 1;
}

std::int64_t hp_op_dict_next(Dict *dict, std::int64_t position, std::int64_t expectedSize, Slot *out)
{
    if (dict->size != expectedSize) {
        raiseOnCurrent(ErrorKind::RuntimeError, "dictionary changed size during iteration");
        return 0;
    }
    while (position < dict->used && !dict->entries[position].live())
        ++position;
    if (position >= dict->used)
        return 0;
    const DictEntry &item = dict->entries[position];
    out[0] = item.key;
    retainSlot(item.key, dict->type->key);
    out[1] = item.value;
    retainSlot(item.value, dict->type->element);
    out[2].i = position + 1;
    return 1;
}

List *hp_op_new_list(const TypeDesc *type, const Slot *items, std::int64_t n)
{
    List *list = newList(type, n);
    if (!list)
        return nullptr;
    for (std::int64_t k = 0; k < n; ++k) {
        list->items[k] = items[k];
        retainSlot(items[k], type->element);
    }
    return list;
}

Dict *hp_op_new_dict(const TypeDesc *type, const Slot *items, std::int64_t pairs)
{
    Dict *dict = newDict(type);
    if (!dict)
        return nullptr;
    for (std::int64_t k = 0; k < pairs; ++k)
        hp_dict_set(dict, items[2 * k], items[2 * k + 1]);
    return dict;
}

Tuple *hp_op_new_tuple(const TypeDesc *type, const Slot *items)
{
    Tuple *tuple = newTuple(type);
    if (!tuple)
        return nullptr;
    if (type->kind == Kind::Record)
        tuple->kind = ObjectKind::Record;
    for (std::uint32_t k = 0; k < type->count; ++k) {
        tuple->items()[k] = items[k];
        retainSlot(items[k], type->items[k]);
    }
    return tuple;
}

void hp_op_release(void *object) { release(object); }

void hp_op_retain_shared(void *object) { runtime::retainShared(static_cast<runtime::Object *>(object)); }

void hp_op_store_object(void *container, Slot *address, void *value)
{
    retainInto(container, value);
    void *old = address->p;
    address->p = value;
    release(old);
}

void hp_op_store_state(Slot *address, void *value)
{
    runtime::shareObject(value);
    retain(value);
    void *old = address->p;
    address->p = value;
    release(old);
}

} // extern "C"

} // namespace hotpath::vm
