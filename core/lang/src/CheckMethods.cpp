// SPDX-License-Identifier: GPL-3.0-or-later
// Functions in a dataclass body: methods (self), @staticmethod, @classmethod (cls) and
// @property. Each is a function of the program named Class.member; a call on an instance
// passes the instance as the first argument.
#include "CheckerImpl.h"

namespace hotpath::lang {

void Checker::declareMethods(RecordInfo &record, ClassDef &cls)
{
    for (StmtPtr &stmt : cls.body) {
        if (stmt->kind != StmtKind::FunctionDef)
            continue;
        FunctionDef &def = stmt->as<FunctionDef>();
        auto function = std::make_unique<FunctionInfo>();
        function->name = record.name + "." + def.name;
        function->memberName = def.name;
        function->decl = &def;
        function->owner = &record;
        function->method = MethodKind::Instance;
        def.info = function.get();
        for (const ExprPtr &decorator : def.decorators) {
            const std::string name = decorator->kind == ExprKind::Name ? decorator->as<NameExpr>().name : std::string();
            if (function->method != MethodKind::Instance) {
                error(decorator->span, "a method takes one of @staticmethod, @classmethod and @property");
                continue;
            }
            if (name == "staticmethod")
                function->method = MethodKind::Static;
            else if (name == "classmethod")
                function->method = MethodKind::Class;
            else if (name == "property")
                function->method = MethodKind::Property;
            else
                error(decorator->span, "this decorator is not supported on a method in Hotpath handlers (@staticmethod, "
                                       "@classmethod and @property are)");
        }
        if (record.findMethod(def.name) || record.fieldIndex(def.name) >= 0)
            error(def.nameSpan, "'" + record.name + "' already has a member named '" + def.name + "'");
        if (def.name == "__post_init__")
            record.postInit = function.get();
        else if (def.name.size() > 4 && def.name.compare(0, 2, "__") == 0 && def.name.compare(def.name.size() - 2, 2, "__") == 0)
            error(def.nameSpan, "the special method " + def.name + " is not supported in Hotpath handlers (a dataclass "
                                "has its own __init__, __repr__ and __eq__; __post_init__ may be defined)");
        record.methods.push_back(function.get());
        m_program.functions.push_back(std::move(function));
    }
}

// The implicit first parameter: `self` is the instance (a method, a property), `cls` the
// class (a class method: not a parameter of the compiled function).
bool Checker::resolveMethodReceiver(FunctionInfo &function, const Parameter &param, bool first)
{
    if (!function.owner || !first || function.method == MethodKind::Static)
        return false;
    if (function.method == MethodKind::Class) {
        function.classParam = param.name;
        return true;
    }
    ParamInfo self{param.name, function.owner->type, param.span, nullptr};
    if (param.annotation) {
        const Type *annotated = resolveType(param.annotation.get(), param.span);
        if (annotated != function.owner->type && !annotated->isError())
            error(param.annotation->span, "'" + param.name + "' is the " + function.owner->name + " the method is called on");
    }
    function.params.push_back(self);
    return true;
}

void Checker::checkMethodSignature(FunctionInfo &function)
{
    const FunctionDef &def = *function.decl;
    const bool needsReceiver = function.method != MethodKind::Static;
    if (needsReceiver && def.params.empty()) {
        error(def.nameSpan, std::string(function.method == MethodKind::Class ? "a class method takes the class first: (cls, ...)"
                                                                              : "a method takes the instance first: (self, ...)"));
        return;
    }
    if (function.method == MethodKind::Property && def.params.size() != 1)
        error(def.nameSpan, "a property takes only self");
    if (&function == function.owner->postInit
        && (def.params.size() != 1 || !function.returnType->is(TypeKind::None) || function.method != MethodKind::Instance))
        error(def.nameSpan, "__post_init__ takes only self and returns None");
}

// obj.method(args): the instance goes first.
const Type *Checker::checkRecordMethodCall(CallExpr &call, AttributeExpr &callee, const FunctionInfo &method)
{
    if (method.method == MethodKind::Property) {
        for (ExprPtr &arg : call.args)
            checkExpr(*arg);
        return fail(callee.nameSpan, "'" + method.memberName + "' is a property; read it without calling: ." + method.memberName);
    }
    return checkBoundCall(call, method, method.method == MethodKind::Instance ? callee.object.get() : nullptr);
}

// A call of a method: receiver is the instance passed as self (null for static and class
// methods); the arguments bind to the parameters after it.
const Type *Checker::checkBoundCall(CallExpr &call, const FunctionInfo &method, Expr *receiver)
{
    if (m_inConstant)
        return fail(call.span, "a module constant cannot call '" + method.name + "'; module constants may only use "
                               "literals, other constants, operators and built-in calls");
    call.target = CallTarget::Function;
    call.function = &method;
    forgetFields();
    if (m_function)
        m_function->callees.insert(&method);
    Signature sig;
    sig.owner = method.name + "()";
    for (size_t i = receiver ? 1 : 0; i < method.params.size(); ++i) {
        sig.names.push_back(method.params[i].name);
        sig.types.push_back(method.params[i].type);
        sig.optional.push_back(method.params[i].defaultValue != nullptr);
    }
    bindArguments(call, sig);
    if (receiver)
        call.boundArgs.insert(call.boundArgs.begin(), receiver);
    return method.returnType ? method.returnType : m_types.errorType();
}

// Point.origin(), cls.origin(): a static or class method through its class.
const Type *Checker::checkClassMemberCall(CallExpr &call, AttributeExpr &callee, const RecordInfo &record)
{
    const FunctionInfo *method = record.findMethod(callee.name);
    if (!method || method->method == MethodKind::Instance || method->method == MethodKind::Property) {
        for (ExprPtr &arg : call.args)
            checkExpr(*arg);
        if (method)
            return fail(callee.nameSpan, "'" + method->name + "' is called on an instance, not on the class");
        std::vector<std::string> names;
        for (const FunctionInfo *each : record.methods)
            names.push_back(each->memberName);
        return fail(callee.nameSpan, "type object '" + record.name + "' has no attribute '" + callee.name + "'" + hintFor(callee.name, names));
    }
    return checkBoundCall(call, *method, nullptr);
}

// The class a name stands for in a call or member access: a dataclass's name, or `cls`
// inside one of its class methods.
const RecordInfo *Checker::classNamed(const std::string &name) const
{
    if (m_function && m_function->method == MethodKind::Class && name == m_function->classParam)
        return m_function->owner;
    if (m_function && lookupLocal(name))
        return nullptr;
    const GlobalSymbol *symbol = lookupGlobal(name);
    return symbol && symbol->kind == GlobalSymbol::Kind::Record ? symbol->record : nullptr;
}

} // namespace hotpath::lang
