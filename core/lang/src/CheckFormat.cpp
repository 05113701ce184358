// SPDX-License-Identifier: GPL-3.0-or-later
// f-strings: every field is type-checked and constant format specs are validated
// against the value's type at compile time, with CPython's error messages.
#include "CheckerImpl.h"

#include "hotpath/support/FormatSpec.h"

#include <cstring>

namespace hotpath::lang {

const Type *Checker::checkFString(FStringExpr &fstring)
{
    for (FStringPart &part : fstring.parts) {
        if (!part.value)
            continue;
        const Type *type = checkValue(*part.value);
        if (part.spec) {
            for (FStringPart &nested : part.spec->parts) {
                if (nested.value) {
                    // Run-time specs would need validation on every call; Hotpath checks
                    // every spec once, here.
                    error(nested.span, "nested fields in a format spec are not supported in Hotpath handlers");
                    checkValue(*nested.value);
                    type = m_types.errorType();
                }
            }
            part.spec->type = m_types.strType();
        }
        if (!type->isError())
            checkFormatSpec(part, part.conversion ? m_types.strType() : type);
    }
    return m_types.strType();
}

void Checker::checkFormatSpec(const FStringPart &field, const Type *valueType)
{
    if (!field.spec || !field.spec->isConstantSpec())
        return; // nested fields: validated when formatting at run time
    const std::string text = field.spec->constantText();
    const Span at = field.spec->span;
    std::string message;
    const auto spec = support::parseFormatSpec(text, message);
    const std::string typeName = valueType->is(TypeKind::Bool) ? "int" : valueType->name();
    if (!spec) {
        if (message.rfind("Invalid format specifier", 0) == 0)
            message += " for object of type '" + typeName + "'";
        error(at, message);
        return;
    }
    if (spec->empty())
        return;
    if (valueType->isOptional()) {
        // Checked against T; a None raises TypeError when formatted, as in CPython.
        checkFormatSpec(field, valueType->element);
        return;
    }
    const char type = spec->type;
    switch (valueType->kind) {
    case TypeKind::Int:
    case TypeKind::Bool:
        if (type && !std::strchr("dxXobeEfFgG%", type)) {
            if (type == 'c' || type == 'n')
                error(at, std::string("format type '") + type + "' is not supported in Hotpath handlers");
            else
                error(at, std::string("Unknown format code '") + type + "' for object of type 'int'");
        } else if (spec->precision >= 0 && (!type || std::strchr("dxXob", type))) {
            error(at, "Precision not allowed in integer format specifier");
        } else if (spec->noNegativeZero && (!type || std::strchr("dxXob", type))) {
            error(at, "Negative zero coercion (z) not allowed in integer format specifier");
        } else if (spec->grouping == ',' && type && std::strchr("xXob", type)) {
            error(at, std::string("Cannot specify ',' with '") + type + "'.");
        }
        return;
    case TypeKind::Float:
        if (type && !std::strchr("eEfFgG%", type)) {
            if (type == 'n')
                error(at, "format type 'n' is not supported in Hotpath handlers");
            else
                error(at, std::string("Unknown format code '") + type + "' for object of type 'float'");
        }
        return;
    case TypeKind::Str:
        if (type && type != 's')
            error(at, std::string("Unknown format code '") + type + "' for object of type 'str'");
        else if (spec->sign)
            error(at, "Sign not allowed in string format specifier");
        else if (spec->grouping)
            error(at, std::string("Cannot specify '") + spec->grouping + "' with 's'.");
        else if (spec->align == '=')
            error(at, "'=' alignment not allowed in string format specifier");
        else if (spec->alternate)
            error(at, "Alternate form (#) not allowed in string format specifier");
        return;
    default: {
        std::string name = valueType->name();
        if (valueType->is(TypeKind::List)) name = "list";
        if (valueType->is(TypeKind::Dict)) name = "dict";
        if (valueType->is(TypeKind::Tuple)) name = "tuple";
        error(at, "unsupported format string passed to " + name + ".__format__");
    }
    }
}

} // namespace hotpath::lang
