// SPDX-License-Identifier: GPL-3.0-or-later
// Python's hash() for the hashable types, as CPython 3.11 computes it for int, bool,
// float and tuple (Python/pyhash.c, Objects/longobject.c, Objects/tupleobject.c
// describe the algorithms: modular hashing by the Mersenne prime 2**61 - 1, and xxHash's
// round for tuples). Sets use these hashes to place their elements, so a set of those
// iterates in CPython's order. A str hashes with Hotpath's own string hash: CPython's is
// randomised per process, so no order of str elements could match it anyway.
#include "hotpath/runtime/Ops.h"

#include <cmath>

namespace hotpath::runtime {

namespace {

constexpr int modulusBits = 61;
constexpr std::uint64_t modulus = (std::uint64_t{1} << modulusBits) - 1;

std::int64_t finish(std::int64_t h) { return h == -1 ? -2 : h; }

std::int64_t hashInt(std::int64_t value)
{
    // |value| mod (2**61 - 1), with value's sign.
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const auto reduced = static_cast<std::int64_t>(magnitude % modulus);
    return finish(negative ? -reduced : reduced);
}

std::int64_t hashFloat(double value)
{
    if (std::isinf(value))
        return value > 0 ? 314159 : -314159;
    if (std::isnan(value))
        return 0; // CPython hashes NaN by identity; a NaN is never equal to another anyway
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);
    int sign = 1;
    if (mantissa < 0) {
        sign = -1;
        mantissa = -mantissa;
    }
    // Accumulate the mantissa 28 bits at a time, reducing mod 2**61 - 1 as we go.
    std::uint64_t x = 0;
    while (mantissa != 0) {
        x = ((x << 28) & modulus) | x >> (modulusBits - 28);
        mantissa *= 268435456.0; // 2**28
        exponent -= 28;
        const auto digit = static_cast<std::uint64_t>(mantissa);
        mantissa -= static_cast<double>(digit);
        x += digit;
        if (x >= modulus)
            x -= modulus;
    }
    // Multiply by 2**exponent, as a rotation in the 61-bit field.
    exponent = exponent >= 0 ? exponent % modulusBits : modulusBits - 1 - ((-1 - exponent) % modulusBits);
    x = ((x << exponent) & modulus) | x >> (modulusBits - exponent);
    return finish(static_cast<std::int64_t>(x) * sign);
}

// CPython's tuple hash of `count` items, item i of type typeOf(i).
template<typename TypeOf> std::int64_t hashItems(const Slot *items, std::uint64_t count, TypeOf typeOf)
{
    constexpr std::uint64_t prime1 = 11400714785074694791ULL;
    constexpr std::uint64_t prime2 = 14029467366897019727ULL;
    constexpr std::uint64_t prime5 = 2870177450012600261ULL;
    std::uint64_t acc = prime5;
    for (std::uint64_t i = 0; i < count; ++i) {
        const auto lane = static_cast<std::uint64_t>(hp_hash(items[i], typeOf(i)));
        acc += lane * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += count ^ (prime5 ^ 3527539ULL);
    if (acc == static_cast<std::uint64_t>(-1))
        return 1546275796;
    return static_cast<std::int64_t>(acc);
}

} // namespace

extern "C" std::int64_t hp_hash(Slot value, const TypeDesc *type)
{
    switch (type->kind) {
    case Kind::Int:
    case Kind::Bool: return hashInt(value.i);
    case Kind::Float: return hashFloat(value.f);
    case Kind::Str: return finish(static_cast<std::int64_t>(hp_str_hash(static_cast<Str *>(value.p)) >> 1));
    case Kind::Tuple:
        return hashItems(static_cast<const Tuple *>(value.p)->items(), type->count,
                         [type](std::uint64_t i) { return type->items[i]; });
    case Kind::List: { // a tuple[T, ...]: lists are not hashable
        const auto *list = static_cast<const List *>(value.p);
        return hashItems(list->items, static_cast<std::uint64_t>(list->size), [type](std::uint64_t) { return type->element; });
    }
    case Kind::Optional:
        // hash(None) is an address in CPython; any fixed value keeps a set consistent.
        return value.p ? hp_hash(unwrapOptional(value, type), type->element) : 0x5bd1e995;
    default: return 0; // not hashable: the checker never lets one reach here
    }
}

} // namespace hotpath::runtime
