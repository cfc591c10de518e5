#pragma once

#include "domain/schema.h"

#include <QByteArray>
#include <QString>

namespace mc {

/// Serializes a schema as a canonical modelcanvas/1 document: fixed key order,
/// 2-space indent, one line per attribute, index and association, UTF-8 without
/// escapes for non-ASCII, `\n` line ends, final newline. The top-level `options`
/// always carries `underscored`, `timestamps` and `freezeTableName` (their defaults
/// when unset, file-format §2); every other optional key is written only when set,
/// `tableName` is always written (null when derived) and `position` defaults to
/// {"x": 0, "y": 0}. Reading a canonical file and writing it gives the same bytes.
QByteArray writeSchema(const Schema &schema);

/// Writes writeSchema(schema) to \a path atomically (QSaveFile): on failure the
/// previous file is left untouched and *error (if given) names the path and reason.
bool saveSchemaFile(const Schema &schema, const QString &path, QString *error = nullptr);

} // namespace mc
