// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Run-time values shared by both tiers.
//
// Values are untagged 8-byte slots: the checker knows every type statically, so an int
// is a plain int64, a float a double and a bool 0 or 1, and the numeric hot path never
// boxes or tests anything. Strings, lists, dicts, tuples and records are heap objects
// with a reference count, as in CPython: a temporary dies the moment its last reference
// goes, so long loops do not pile up garbage and nothing outlives its call unless it is
// returned. Containers carry a TypeDesc so that the runtime can print and destroy their
// elements without any tag on the elements themselves.

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace hotpath::runtime {

union Slot
{
    std::int64_t i;
    double f;
    void *p;
};
static_assert(sizeof(Slot) == 8);

// Exception: an exception object, laid out as a Record (Exceptions.h).
enum class Kind : std::uint8_t { Int, Float, Bool, Str, List, Dict, Tuple, Record, None, Optional, Set, Exception };

// The run-time shape of a static type. Owned by the compiled program; immutable.
struct TypeDesc
{
    Kind kind = Kind::Int;
    const TypeDesc *element = nullptr;      // List element, Dict value, Set element
    std::uint32_t count = 0;                // Tuple items, Record fields
    const TypeDesc *const *items = nullptr; // Tuple item / Record field types
    const char *name = nullptr;             // Record class name
    const char *const *fieldNames = nullptr;
    // Record only: per field, its default value (a module constant) or null. Used where the
    // runtime builds records itself (Request.json()).
    const Slot *const *defaults = nullptr;
    // Dict only: the key type, one of the hashable kinds (str, int, float, bool, a tuple of
    // those, or an Optional of one).
    const TypeDesc *key = nullptr;
    // List only: a tuple[T, ...], a list that nothing changes, printed and hashed as a tuple.
    bool tupleOf = false;
    // Record only: per field, whether it is a field(default_factory=...), which the runtime
    // fills with a new empty value of its type (a record: one made from {}).
    const std::uint8_t *factories = nullptr;

    // Optional (`T | None`): `element` is T. The value is a pointer, null for None; for an
    // object T it is the object itself, for int, float or bool a box: a one-item Tuple of
    // type items[0] (then count is 1, else 0). So Optional is an object type, and None
    // costs nothing.
    bool isObject() const
    {
        return kind == Kind::Str || kind == Kind::List || kind == Kind::Dict || kind == Kind::Tuple || kind == Kind::Record
            || kind == Kind::Optional || kind == Kind::Set || kind == Kind::Exception;
    }
    bool boxesScalar() const { return kind == Kind::Optional && !element->isObject(); }
};

enum class ObjectKind : std::uint8_t { Str, List, Dict, Tuple, Record, Set };

// Objects whose count is this value are shared, read-only module constants: never freed,
// never counted, so many threads may read them at once.
inline constexpr std::uint32_t immortalRefCount = 0xFFFFFFFFu;
// Objects with this bit in their count are reachable from module state, which calls on
// several threads may read at once: their count changes atomically. An object gets the
// bit when it is stored into state (shareObject) and keeps it for life; everything it
// reaches gets it too, so a shared object only ever points at shared or immortal ones.
// Immortal counts have the bit as well, so one compare sends both off the fast path.
inline constexpr std::uint32_t sharedRefBit = 0x80000000u;

struct Object
{
    std::uint32_t refCount;
    ObjectKind kind;
    // Str only: one byte per code point, so indexing is O(1). It lives here, in what
    // would be padding, to keep a string's header at 40 bytes (CPython's is 49).
    bool ascii;
};

struct Str : Object
{
    std::int64_t length;     // bytes
    std::int64_t codePoints; // Python's len()
    std::int64_t capacity;   // bytes available in data, excluding the terminating NUL
    std::uint64_t hash;      // 0 until computed

    // UTF-8 text, NUL-terminated, stored right after the header.
    char *data() { return reinterpret_cast<char *>(this + 1); }
    const char *data() const { return reinterpret_cast<const char *>(this + 1); }
};

struct List : Object
{
    const TypeDesc *type;
    std::int64_t size;
    std::int64_t capacity;
    Slot *items;
};

// Tuples and records share a layout: header, type, then type->count slots.
struct Tuple : Object
{
    const TypeDesc *type;

    Slot *items() { return reinterpret_cast<Slot *>(this + 1); }
    const Slot *items() const { return reinterpret_cast<const Slot *>(this + 1); }
};

struct Record : Object
{
    const TypeDesc *type;

    Slot *fields() { return reinterpret_cast<Slot *>(this + 1); }
    const Slot *fields() const { return reinterpret_cast<const Slot *>(this + 1); }
};
static_assert(sizeof(Tuple) % 8 == 0 && sizeof(Record) == sizeof(Tuple));
static_assert(sizeof(Str) == 40);

struct DictEntry
{
    Slot key;
    std::int64_t hash; // hp_hash(key); deletedEntryHash once the entry is deleted
    Slot value;

    // hp_hash never gives -1 (as in CPython, -1 is not a hash), so it marks deleted entries.
    static constexpr std::int64_t deletedEntryHash = -1;
    bool live() const { return hash != deletedEntryHash; }
};

// Insertion-ordered hash table (CPython's compact layout): entries in insertion order,
// plus an open-addressing index of entry positions.
struct Dict : Object
{
    const TypeDesc *type;
    std::int64_t size;       // live entries
    std::int64_t used;       // entries including deleted ones
    std::int64_t capacity;   // entries allocated
    DictEntry *entries;
    std::int32_t *index;     // -1 empty, -2 deleted, else entry position (the memory cap keeps
                             // a dict far below 2^31 entries)
    std::uint64_t indexMask; // index size - 1 (a power of two)
};

// A set: CPython's open-addressing table (setobject.c), probed and resized the way CPython
// does it, with CPython's hashes for int, float, bool and tuple elements, so a set of those
// iterates and prints in CPython's order. (A str hashes differently here; CPython's str
// order changes per process anyway.)
struct SetEntry
{
    Slot key;
    std::int64_t hash;
    std::uint8_t state; // 0 never used, 1 holds key, 2 deleted (a "dummy")
};

struct Set : Object
{
    const TypeDesc *type; // Kind::Set, element = T
    std::int64_t used;    // live keys
    std::int64_t fill;    // live keys and dummies
    std::int64_t mask;    // table size - 1
    std::int64_t finger;  // where pop() looks next
    SetEntry *table;
};

// An object's count as it is now. Other threads may be changing a shared object's count
// atomically, so it is read as a relaxed atomic load (a plain load on x86-64).
inline std::uint32_t countOf(const Object *o)
{
    return std::atomic_ref<std::uint32_t>(const_cast<Object *>(o)->refCount).load(std::memory_order_relaxed);
}

void destroyObject(Object *o);
void retainShared(Object *o);  // atomic; skips immortals
void releaseShared(Object *o); // atomic; skips immortals

inline void retain(void *p)
{
    auto *o = static_cast<Object *>(p);
    if (!o)
        return;
    if (countOf(o) < sharedRefBit)
        ++o->refCount;
    else
        retainShared(o);
}

inline void release(void *p)
{
    auto *o = static_cast<Object *>(p);
    if (!o)
        return;
    if (countOf(o) < sharedRefBit) {
        if (--o->refCount == 0)
            destroyObject(o);
    } else {
        releaseShared(o);
    }
}

// True when other threads may reach `container` (module state) or it is a constant.
inline bool isShared(const void *container) { return countOf(static_cast<const Object *>(container)) >= sharedRefBit; }

// Marks `p` and everything it reaches as shared (see sharedRefBit). Called by the one
// thread that holds module state exclusively, before the object becomes reachable.
void shareObject(void *p);

// A store of `value` into `container`: retains it and, when the container is shared,
// shares the value first, so readers on other threads only ever meet shared objects.
inline void retainInto(const void *container, void *value)
{
    if (value && isShared(container))
        shareObject(value);
    retain(value);
}

// The value inside a non-None Optional: the object itself, or a boxed scalar's slot.
inline Slot unwrapOptional(Slot value, const TypeDesc *optional)
{
    if (!optional->boxesScalar())
        return value;
    return static_cast<const Tuple *>(value.p)->items()[0];
}

// Releases a slot of the given type (a no-op for numbers).
inline void releaseSlot(Slot s, const TypeDesc *type)
{
    if (type->isObject())
        release(s.p);
}
inline void retainSlot(Slot s, const TypeDesc *type)
{
    if (type->isObject())
        retain(s.p);
}
inline void retainSlotInto(const void *container, Slot s, const TypeDesc *type)
{
    if (type->isObject())
        retainInto(container, s.p);
}

} // namespace hotpath::runtime
