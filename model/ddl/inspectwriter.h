#pragma once

#include "ddl/catalog.h"

#include <QByteArray>

namespace mc {

/// `modelcanvas inspect`'s document written straight to indented UTF-8 JSON, with
/// the content of inspectDocument() but without building a JSON tree first (large
/// schemas print tens of thousands of columns).
QByteArray inspectJson(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect);

} // namespace mc
