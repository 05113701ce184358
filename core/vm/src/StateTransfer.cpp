// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/vm/StateTransfer.h"

#include "hotpath/runtime/Format.h"
#include "hotpath/runtime/Heap.h"
#include "hotpath/runtime/Ops.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace hotpath::vm {

using namespace hotpath::runtime;

namespace {

using TypeMap = std::map<const TypeDesc *, const TypeDesc *>;
// A dataclass whose fields changed: per new field, the old field it takes its value from,
// or -1 for a new field that starts from its default.
using FieldPlans = std::map<const TypeDesc *, std::vector<int>>;

bool fieldsMigrate(const TypeDesc *a, const TypeDesc *b, TypeMap &map, FieldPlans &plans);

// The index of the dataclass field called `name`, or -1.
int fieldIndex(const TypeDesc *record, const char *name)
{
    for (std::uint32_t j = 0; j < record->count; ++j)
        if (std::strcmp(record->fieldNames[j], name) == 0)
            return static_cast<int>(j);
    return -1;
}

// Same shape: the old values can be read as the new type. Fills `map` old -> new. A
// dataclass may also have gained fields with defaults, lost fields, or had its fields
// reordered: `plans` then says how its objects are rebuilt (see Rehomer).
bool sameShape(const TypeDesc *a, const TypeDesc *b, TypeMap &map, FieldPlans &plans)
{
    if (auto known = map.find(a); known != map.end())
        return known->second == b;
    if (a->kind == Kind::Record && b->kind == Kind::Record && std::strcmp(a->name, b->name) == 0)
        return fieldsMigrate(a, b, map, plans);
    if (a->kind != b->kind || a->count != b->count || !a->element != !b->element || !a->key != !b->key
        || a->tupleOf != b->tupleOf)
        return false;
    map[a] = b;
    if (a->element && !sameShape(a->element, b->element, map, plans))
        return false;
    if (a->key && !sameShape(a->key, b->key, map, plans)) // dict[str, V] to dict[int, V] is a new type
        return false;
    for (std::uint32_t i = 0; i < a->count; ++i)
        if (!sameShape(a->items[i], b->items[i], map, plans))
            return false;
    return true;
}

bool fieldsMigrate(const TypeDesc *a, const TypeDesc *b, TypeMap &map, FieldPlans &plans)
{
    map[a] = b;
    std::vector<int> sources;
    bool identical = a->count == b->count;
    for (std::uint32_t i = 0; i < b->count; ++i) {
        const int source = fieldIndex(a, b->fieldNames[i]);
        identical = identical && source == static_cast<int>(i);
        if (source >= 0 ? !sameShape(a->items[source], b->items[i], map, plans)
                        : !(b->defaults && b->defaults[i])) // a new field needs a default to fill
            return false;
        sources.push_back(source);
    }
    if (!identical)
        plans[a] = std::move(sources);
    return true;
}

bool reaches(const TypeDesc *type, const TypeDesc *target)
{
    if (type == target)
        return true;
    if (type->element && reaches(type->element, target))
        return true;
    for (std::uint32_t i = 0; i < type->count; ++i)
        if (reaches(type->items[i], target))
            return true;
    return false;
}

std::string fieldList(const TypeDesc *record)
{
    std::string text;
    for (std::uint32_t i = 0; i < record->count; ++i)
        text += (i ? ", " : "") + std::string(record->fieldNames[i]) + ": " + describeType(record->items[i]);
    return text;
}

// Why two types of the same spelling differ: the first dataclass whose fields changed.
std::string recordDifference(const TypeDesc *a, const TypeDesc *b)
{
    if (a->kind == Kind::Record && b->kind == Kind::Record && fieldList(a) != fieldList(b)) {
        std::string why = "the fields of " + std::string(a->name) + " changed from (" + fieldList(a) + ") to (" + fieldList(b) + ")";
        for (std::uint32_t i = 0; i < b->count; ++i) {
            const int j = fieldIndex(a, b->fieldNames[i]);
            if (j < 0 && !(b->defaults && b->defaults[i]))
                return why + "; a new field needs a default for the old values to be kept (" + b->fieldNames[i] + ")";
            if (j >= 0 && describeType(a->items[j]) != describeType(b->items[i]))
                return why + "; field " + b->fieldNames[i] + " changed its type";
        }
        return why;
    }
    if (a->element && b->element)
        if (std::string why = recordDifference(a->element, b->element); !why.empty())
            return why;
    for (std::uint32_t i = 0; i < a->count && i < b->count; ++i)
        if (std::string why = recordDifference(a->items[i], b->items[i]); !why.empty())
            return why;
    return {};
}

// Rewrites the objects reachable from one value to the new types, copying constants.
class Rehomer
{
public:
    Rehomer(const TypeMap &map, const FieldPlans &plans) : m_map(map), m_plans(plans) {}
    Rehomer(const Rehomer &) = delete;
    Rehomer &operator=(const Rehomer &) = delete;
    ~Rehomer()
    {
        for (Record *old : m_retired)
            heapFree(old, static_cast<std::int64_t>(sizeof(Record)) + 8 * std::max<std::int64_t>(1, old->type->count));
    }

    void rehome(Slot &slot, const TypeDesc *type)
    {
        if (!type->isObject() || !slot.p)
            return;
        auto *o = static_cast<Object *>(slot.p);
        if (o->refCount == immortalRefCount) {
            slot.p = copy(o, type);
            shareObject(slot.p);
            return;
        }
        if (auto rebuilt = m_rebuilt.find(o); rebuilt != m_rebuilt.end()) {
            slot.p = rebuilt->second; // another reference to a dataclass object already rebuilt
            return;
        }
        if (o->kind == ObjectKind::Record && m_plans.count(static_cast<Record *>(o)->type)) {
            slot.p = rebuild(static_cast<Record *>(o));
            return;
        }
        if (!m_seen.insert(o).second)
            return;
        switch (o->kind) {
        case ObjectKind::Str: return;
        case ObjectKind::List: {
            auto *list = static_cast<List *>(o);
            list->type = m_map.at(list->type);
            for (std::int64_t i = 0; i < list->size; ++i)
                rehome(list->items[i], list->type->element);
            return;
        }
        case ObjectKind::Tuple:
        case ObjectKind::Record: {
            auto *tuple = static_cast<Tuple *>(o);
            tuple->type = m_map.at(tuple->type);
            for (std::uint32_t i = 0; i < tuple->type->count; ++i)
                rehome(tuple->items()[i], tuple->type->items[i]);
            return;
        }
        case ObjectKind::Set: {
            // Keys keep their hashes (equal values hash alike in every version), so the
            // table stays valid as it is.
            auto *set = static_cast<Set *>(o);
            set->type = m_map.at(set->type);
            for (std::int64_t i = 0; i <= set->mask; ++i)
                if (set->table[i].state == 1)
                    rehome(set->table[i].key, set->type->element);
            return;
        }
        case ObjectKind::Dict: {
            auto *dict = static_cast<Dict *>(o);
            dict->type = m_map.at(dict->type);
            for (std::int64_t i = 0; i < dict->used; ++i) {
                DictEntry &entry = dict->entries[i];
                if (!entry.live())
                    continue;
                rehome(entry.key, dict->type->key); // its hash stays valid, as a set's do
                rehome(entry.value, dict->type->element);
            }
            return;
        }
        }
    }

private:
    // The object in the new field layout: the same count (every reference to the old one
    // is rewritten to it, and only state can hold one during a reload), fields moved by
    // name, new fields from their defaults, dropped fields released.
    Record *rebuild(Record *old)
    {
        const TypeDesc *type = m_map.at(old->type);
        const std::vector<int> &sources = m_plans.at(old->type);
        Record *fresh = newRecord(type);
        fresh->refCount = old->refCount;
        m_rebuilt[old] = fresh;
        std::vector<bool> moved(old->type->count, false);
        for (std::uint32_t i = 0; i < type->count; ++i) {
            if (sources[i] >= 0) {
                fresh->fields()[i] = old->fields()[sources[i]];
                moved[static_cast<std::size_t>(sources[i])] = true;
            } else {
                fresh->fields()[i] = *type->defaults[i]; // a constant of the new program
            }
            rehome(fresh->fields()[i], type->items[i]);
        }
        for (std::uint32_t j = 0; j < old->type->count; ++j)
            if (!moved[j])
                releaseSlot(old->fields()[j], old->type->items[j]);
        m_retired.push_back(old); // freed last: a new object must not reuse its address meanwhile
        return fresh;
    }

    // A mortal copy of a constant (a string, or a tuple of constants), in the new types.
    void *copy(Object *o, const TypeDesc *type)
    {
        if (!o)
            return nullptr; // None
        if (type->kind == Kind::Optional)
            type = type->boxesScalar() ? type->items[0] : type->element;
        if (o->kind == ObjectKind::Str)
            return newStr(view(static_cast<Str *>(o)));
        if (o->kind == ObjectKind::Tuple || o->kind == ObjectKind::Record) {
            const auto *from = static_cast<Tuple *>(o);
            Tuple *to = newTuple(type);
            to->kind = o->kind;
            for (std::uint32_t i = 0; i < type->count; ++i) {
                to->items()[i] = from->items()[i];
                if (type->items[i]->isObject()) {
                    to->items()[i].p = copy(static_cast<Object *>(from->items()[i].p), type->items[i]);
                }
            }
            return to;
        }
        if (o->kind == ObjectKind::List) {
            const auto *from = static_cast<List *>(o);
            List *to = newList(type, from->size);
            for (std::int64_t i = 0; i < from->size; ++i) {
                to->items[i] = from->items[i];
                if (type->element->isObject())
                    to->items[i].p = copy(static_cast<Object *>(from->items[i].p), type->element);
            }
            return to;
        }
        if (o->kind == ObjectKind::Set) {
            const auto *from = static_cast<Set *>(o);
            Set *to = newSet(type);
            for (std::int64_t i = 0; i <= from->mask; ++i) {
                if (from->table[i].state != 1)
                    continue;
                Slot key = from->table[i].key;
                if (type->element->isObject())
                    key.p = copy(static_cast<Object *>(key.p), type->element);
                hp_set_add(to, key);
                releaseSlot(key, type->element);
            }
            return to;
        }
        const auto *from = static_cast<Dict *>(o);
        Dict *to = newDict(type);
        for (std::int64_t i = 0; i < from->used; ++i) {
            if (!from->entries[i].live())
                continue;
            Slot key = from->entries[i].key;
            if (type->key->isObject())
                key.p = copy(static_cast<Object *>(key.p), type->key);
            Slot value = from->entries[i].value;
            if (type->element->isObject())
                value.p = copy(static_cast<Object *>(value.p), type->element);
            hp_dict_set(to, key, value);
            releaseSlot(key, type->key);
            releaseSlot(value, type->element);
        }
        return to;
    }

    const TypeMap &m_map;
    const FieldPlans &m_plans;
    std::set<Object *> m_seen;
    std::map<Object *, Record *> m_rebuilt;
    std::vector<Record *> m_retired;
};

} // namespace

std::string describeType(const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::Bool: return "bool";
    case Kind::Str: return "str";
    case Kind::None: return "None";
    case Kind::Optional: return describeType(type->element) + " | None";
    case Kind::Set: return "set[" + describeType(type->element) + "]";
    case Kind::List: return type->tupleOf ? "tuple[" + describeType(type->element) + ", ...]" : "list[" + describeType(type->element) + "]";
    case Kind::Dict: return "dict[" + describeType(type->key) + ", " + describeType(type->element) + "]";
    case Kind::Record:
    case Kind::Exception: return type->name;
    case Kind::Tuple: {
        std::string text = "tuple[";
        for (std::uint32_t i = 0; i < type->count; ++i)
            text += (i ? ", " : "") + describeType(type->items[i]);
        return text + "]";
    }
    }
    return "?";
}

std::string summariseValue(Slot value, const TypeDesc *type)
{
    auto count = [](std::int64_t n, const char *one, const char *many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    if (type->kind == Kind::Optional)
        return value.p ? summariseValue(unwrapOptional(value, type), type->element) : "None";
    switch (type->kind) {
    case Kind::List: return count(static_cast<List *>(value.p)->size, "item", "items");
    case Kind::Dict: return count(static_cast<Dict *>(value.p)->size, "entry", "entries");
    case Kind::Set: return count(static_cast<Set *>(value.p)->used, "item", "items");
    case Kind::Int:
    case Kind::Float:
    case Kind::Bool: {
        std::string text;
        appendRepr(text, value, type);
        return text;
    }
    case Kind::Str: {
        const auto *s = static_cast<const Str *>(value.p);
        if (s->codePoints > 40)
            return "a str of " + std::to_string(s->codePoints) + " characters";
        std::string text;
        appendStrRepr(text, view(s));
        return text;
    }
    default: return "a " + describeType(type);
    }
}

std::string previewValue(Slot value, const TypeDesc *type, std::size_t maxBytes)
{
    std::string out;
    const bool list = type->kind == Kind::List, dict = type->kind == Kind::Dict;
    if (type->kind == Kind::Set) {
        // As CPython prints it, item by item up to the limit.
        const auto *set = static_cast<const Set *>(value.p);
        if (set->used == 0)
            return "set()";
        out += '{';
        bool first = true;
        for (std::int64_t i = 0; i <= set->mask && out.size() <= maxBytes; ++i) {
            if (set->table[i].state != 1)
                continue;
            out += first ? "" : ", ";
            first = false;
            appendRepr(out, set->table[i].key, type->element);
        }
        out += '}';
    } else if (!list && !dict) {
        appendRepr(out, value, type);
    } else {
        // Item by item, so a 100,000-entry dict costs what the preview shows.
        out += list ? "[" : "{";
        const auto *l = static_cast<const List *>(value.p);
        const auto *d = static_cast<const Dict *>(value.p);
        const std::int64_t end = list ? l->size : d->used;
        bool first = true;
        for (std::int64_t i = 0; i < end && out.size() <= maxBytes; ++i) {
            if (dict && !d->entries[i].live())
                continue;
            out += first ? "" : ", ";
            first = false;
            if (list) {
                appendRepr(out, l->items[i], type->element);
            } else {
                appendRepr(out, d->entries[i].key, type->key);
                out += ": ";
                appendRepr(out, d->entries[i].value, type->element);
            }
        }
        out += list ? "]" : "}";
    }
    if (out.size() > maxBytes) {
        std::size_t cut = maxBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        out.resize(cut);
        out += "…";
    }
    return out;
}

// Three steps, because values may share objects across variables (a dict and a list of
// the same dataclass objects): decide per variable, release what is not kept, then move
// every kept value with one rehomer, so a rebuilt object is rebuilt once for all.
std::vector<StateChange> moveState(ModuleState &from, ModuleState &to)
{
    std::vector<StateChange> changes;
    std::vector<std::pair<std::size_t, std::size_t>> moves; // (old slot, new slot)
    TypeMap map;
    FieldPlans plans;
    for (std::size_t k = 0; k < to.slots.size(); ++k) {
        if (!to.isState(k))
            continue;
        StateChange change;
        change.name = to.names[k];
        std::size_t old = 0;
        while (old < from.names.size() && !(from.isState(old) && from.names[old] == change.name))
            ++old;
        if (old == from.names.size()) {
            const bool wasConstant = std::find(from.names.begin(), from.names.end(), change.name) != from.names.end();
            change.detail = wasConstant ? "starts from its initial value: no function changed it before, so it was a constant"
                                        : "new: starts from its initial value";
            changes.push_back(std::move(change));
            continue;
        }
        TypeMap trialMap = map;
        FieldPlans trialPlans = plans;
        if (!sameShape(from.types[old], to.types[k], trialMap, trialPlans)) {
            const std::string before = describeType(from.types[old]), after = describeType(to.types[k]);
            std::string why = before != after ? "its type changed from " + before + " to " + after
                                              : recordDifference(from.types[old], to.types[k]);
            change.outcome = StateChange::Outcome::Reset;
            change.detail = "reset: " + (why.empty() ? "its type changed" : why);
            changes.push_back(std::move(change));
            continue;
        }
        map = std::move(trialMap);
        plans = std::move(trialPlans);
        change.outcome = StateChange::Outcome::Kept;
        moves.emplace_back(old, k);
        changes.push_back(std::move(change));
    }
    for (std::size_t k = 0; k < from.slots.size(); ++k) {
        if (!from.isState(k))
            continue;
        bool stillThere = false;
        for (std::size_t n = 0; n < to.names.size(); ++n)
            stillThere = stillThere || (to.isState(n) && to.names[n] == from.names[k]);
        if (stillThere)
            continue;
        const bool constant = std::find(to.names.begin(), to.names.end(), from.names[k]) != to.names.end();
        changes.push_back({from.names[k], constant ? StateChange::Outcome::Reset : StateChange::Outcome::Dropped,
                           constant ? "reset: no function changes it any more, so it is a constant again, with its "
                                      "initial value"
                                    : "dropped: the new version no longer has it"});
    }
    // What is not kept lets go of its objects first, so an object it shares with a kept
    // value is only the kept value's when that is rebuilt.
    for (std::size_t k = 0; k < from.slots.size(); ++k) {
        const bool kept = std::any_of(moves.begin(), moves.end(), [&](const auto &move) { return move.first == k; });
        if (from.isState(k) && !kept) {
            releaseSlot(from.slots[k], from.types[k]);
            from.slots[k] = Slot{0};
        }
    }
    {
        Rehomer rehomer(map, plans);
        std::size_t next = 0;
        for (StateChange &change : changes) {
            if (!change.kept())
                continue;
            const auto [old, k] = moves[next++];
            Slot value = from.slots[old];
            from.slots[old] = Slot{0};
            rehomer.rehome(value, to.types[k]);
            releaseSlot(to.slots[k], to.types[k]);
            to.slots[k] = value;
            change.detail = "kept (" + summariseValue(value, to.types[k]) + ")";
            for (const auto &[record, sources] : plans)
                if (reaches(to.types[k], map.at(record)))
                    change.detail += "; " + std::string(record->name) + " now has fields (" + fieldList(map.at(record))
                        + "): values moved by name, new fields from their defaults";
        }
    }
    from.moved.store(true);
    return changes;
}

} // namespace hotpath::vm
