// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An OpenAPI 3.1 description of a version's endpoints, made from what the checker knows:
// the routes and their methods, path and query parameters with their types, dataclass
// schemas, and each handler's return type. The running server answers it at
// /openapi.json; `hotpath export --format openapi` writes it to a file.

#include "hotpath/server/Version.h"

#include <QtCore/QByteArray>

namespace hotpath::server {

QByteArray openApiDocument(const Version &version);

} // namespace hotpath::server
