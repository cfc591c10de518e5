#pragma once

#include "domain/schema.h"
#include "io/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mc {

/// Outcome of loading a modelcanvas/1 document: the schema, or nothing and the list
/// of every problem found (file-format §10).
struct LoadResult
{
    std::optional<Schema> schema; ///< nullopt when diagnostics hold any error
    Diagnostics diagnostics;

    bool ok() const { return schema.has_value(); }
};

/// Parses and validates a modelcanvas/1 document. JSON-level problems (syntax,
/// invalid UTF-8, duplicate keys, nesting) stop at the first one; file-format
/// problems are all reported, in document order (associations after models), each
/// with its JSON path (`models[1].attributes[0].type`). Sequelize-level problems
/// (duplicate alias, unknown targetKey, cycles...) are not checked here.
LoadResult readSchema(const QByteArray &utf8);

/// Validates an already parsed document (see readSchema()).
LoadResult readSchemaJson(const JsonValue &document);

/// Reads the file at \a path with readSchema(); an unreadable file gives one error
/// naming the path and the reason.
LoadResult readSchemaFile(const QString &path);

} // namespace mc
