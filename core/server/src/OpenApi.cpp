// SPDX-License-Identifier: GPL-3.0-or-later
#include "hotpath/server/OpenApi.h"

#include "hotpath/lang/Program.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

#include <map>

namespace hotpath::server {

namespace {

using lang::Type;
using lang::TypeKind;

QString qs(const std::string &text) { return QString::fromStdString(text); }

// JSON Schema of a value of `type` as Hotpath's JSON encoder writes it (and Request.json
// reads it); records become references into components.schemas, collected in `records`.
QJsonObject schemaOf(const Type *type, std::map<std::string, const lang::RecordInfo *> &records)
{
    if (!type)
        return {};
    switch (type->kind) {
    case TypeKind::Int: return {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("format"), QStringLiteral("int64")}};
    case TypeKind::Float: return {{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("format"), QStringLiteral("double")}};
    case TypeKind::Bool: return {{QStringLiteral("type"), QStringLiteral("boolean")}};
    case TypeKind::Str: return {{QStringLiteral("type"), QStringLiteral("string")}};
    case TypeKind::None: return {{QStringLiteral("type"), QStringLiteral("null")}};
    case TypeKind::Optional: {
        // OpenAPI 3.1 (JSON Schema): the value's schema, or null.
        return {{QStringLiteral("anyOf"), QJsonArray{schemaOf(type->element, records), QJsonObject{{QStringLiteral("type"), QStringLiteral("null")}}}}};
    }
    case TypeKind::List:
        return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), schemaOf(type->element, records)}};
    case TypeKind::Dict: {
        QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("additionalProperties"), schemaOf(type->element, records)}};
        // JSON names are strings: an int key is written as its digits (json.dumps does so).
        if (type->key->is(TypeKind::Int))
            schema.insert(QStringLiteral("propertyNames"), QJsonObject{{QStringLiteral("pattern"), QStringLiteral("^-?[0-9]+$")}});
        return schema;
    }
    case TypeKind::Tuple: {
        QJsonArray items;
        for (const Type *item : type->items)
            items.append(schemaOf(item, records));
        return {{QStringLiteral("type"), QStringLiteral("array")},
                {QStringLiteral("prefixItems"), items},
                {QStringLiteral("minItems"), items.size()},
                {QStringLiteral("maxItems"), items.size()}};
    }
    case TypeKind::Record:
        if (!type->record)
            return {};
        records.emplace(type->record->name, type->record);
        return {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + qs(type->record->name)}};
    default: return {};
    }
}

QJsonObject recordSchema(const lang::RecordInfo &record, std::map<std::string, const lang::RecordInfo *> &records)
{
    QJsonObject properties;
    QJsonArray required;
    for (const lang::FieldInfo &field : record.fields) {
        properties.insert(qs(field.name), schemaOf(field.type, records));
        if (!field.defaultValue)
            required.append(qs(field.name));
    }
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), required);
    return schema;
}

QJsonObject errorResponse(const QString &description)
{
    return {{QStringLiteral("description"), description},
            {QStringLiteral("content"),
             QJsonObject{{QStringLiteral("application/json"),
                          QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}}}}}}}};
}

} // namespace

QByteArray openApiDocument(const Version &version)
{
    std::map<std::string, const lang::RecordInfo *> records;
    QJsonObject paths;
    for (const VersionFile &file : version.files()) {
        for (const auto &endpoint : file.program->endpoints) {
            // Flask's <int:n> is OpenAPI's {n}.
            QString path = qs(endpoint->path);
            path.replace(QRegularExpression(QStringLiteral("<(?:[a-z]+:)?([A-Za-z_][A-Za-z_0-9]*)>")), QStringLiteral("{\\1}"));
            QJsonArray parameters;
            bool takesBody = false;
            for (const lang::EndpointParam &param : endpoint->params) {
                if (param.source == lang::ParamSource::Request) {
                    takesBody = true;
                    continue;
                }
                const bool inPath = param.source == lang::ParamSource::Path;
                parameters.append(QJsonObject{{QStringLiteral("name"), qs(param.name)},
                                              {QStringLiteral("in"), inPath ? QStringLiteral("path") : QStringLiteral("query")},
                                              {QStringLiteral("required"), inPath || param.required},
                                              {QStringLiteral("schema"), schemaOf(param.type, records)}});
            }
            QJsonObject ok{{QStringLiteral("description"), QStringLiteral("The handler's answer")}};
            const lang::FunctionInfo *function = endpoint->function;
            if (endpoint->response == lang::ResponseKind::Text)
                ok.insert(QStringLiteral("content"),
                          QJsonObject{{QStringLiteral("text/plain"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}});
            else if (endpoint->response == lang::ResponseKind::Json && function)
                ok.insert(QStringLiteral("content"),
                          QJsonObject{{QStringLiteral("application/json"),
                                       QJsonObject{{QStringLiteral("schema"),
                                                    schemaOf(endpoint->tuple != lang::TupleAnswer::None ? function->returnType->items[0] : function->returnType, records)}}}});
            QJsonObject responses{{QStringLiteral("400"), errorResponse(QStringLiteral("A parameter or the body does not have its declared type"))},
                                  {QStringLiteral("500"), errorResponse(QStringLiteral("The handler raised an exception"))},
                                  {QStringLiteral("504"), errorResponse(QStringLiteral("The handler ran past its deadline"))}};
            // A (body, status) answer lists the statuses its returns write out; abort() calls
            // with a literal status are errors of the operation.
            if (endpoint->answerStatuses.empty())
                responses.insert(QStringLiteral("200"), ok);
            for (int status : endpoint->answerStatuses)
                responses.insert(QString::number(status), ok);
            for (int status : endpoint->abortStatuses)
                responses.insert(QString::number(status), errorResponse(QStringLiteral("abort(%1)").arg(status)));
            const QString name = function ? qs(function->name) : QString();
            for (const std::string &method : endpoint->methods) {
                QJsonObject operation{{QStringLiteral("operationId"), name + QLatin1Char('_') + qs(method).toLower()},
                                      {QStringLiteral("summary"), QStringLiteral("%1 (%2:%3)").arg(name, QString::fromStdString(file.name)).arg(file.program->file.lineColumn(endpoint->span.begin).line)},
                                      {QStringLiteral("responses"), responses}};
                if (!parameters.isEmpty())
                    operation.insert(QStringLiteral("parameters"), parameters);
                if (takesBody && method != "GET" && method != "HEAD")
                    operation.insert(QStringLiteral("requestBody"),
                                     QJsonObject{{QStringLiteral("content"),
                                                  QJsonObject{{QStringLiteral("*/*"), QJsonObject{{QStringLiteral("schema"), QJsonObject{}}}}}}});
                QJsonObject item = paths.value(path).toObject();
                item.insert(qs(method).toLower(), operation);
                paths.insert(path, item);
            }
        }
    }
    QJsonObject schemas{{QStringLiteral("Error"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                     {QStringLiteral("properties"), QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                                                                {QStringLiteral("message"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
                                     {QStringLiteral("required"), QJsonArray{QStringLiteral("error"), QStringLiteral("message")}}}}};
    // Records may refer to other records: resolve until no new one appears.
    for (std::size_t done = 0; done != records.size();) {
        done = records.size();
        for (const auto &[recordName, record] : std::map(records))
            schemas.insert(qs(recordName), recordSchema(*record, records));
    }
    const QJsonObject document{
        {QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), version.name()}, {QStringLiteral("version"), QStringLiteral(HOTPATH_VERSION)}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), schemas}}},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

const std::string &Version::openApiJson() const
{
    std::call_once(m_openApiOnce, [this] { m_openApi = openApiDocument(*this).toStdString(); });
    return m_openApi;
}

} // namespace hotpath::server
