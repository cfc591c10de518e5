#pragma once

#include "domain/jsonvalue.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mc {

/// Deepest nesting of arrays and objects that parseJson() accepts.
constexpr int kMaxJsonDepth = 256;

/// Outcome of parseJson(): the value, or the first problem and where it is.
struct JsonParseResult
{
    enum class Error { None, Syntax, InvalidUtf8, TooDeep, DuplicateKey };

    std::optional<JsonValue> value;
    QString error; ///< `line L, column C: message`; empty on success
    Error errorKind = Error::None;
    QString message;       ///< the message alone, without the position
    QString path;          ///< JSON path of the value being read (for DuplicateKey: the object)
    int line = 0;          ///< 1-based
    int column = 0;        ///< 1-based, in Unicode code points
    qsizetype offset = -1; ///< byte offset of the problem

    bool ok() const { return value.has_value(); }
};

/// Strict RFC 8259 parser. Keeps object key order and number lexemes; rejects
/// duplicate keys, invalid UTF-8, lone surrogates in `\u` escapes, raw control
/// characters in strings, trailing text, and nesting deeper than kMaxJsonDepth.
/// A leading UTF-8 byte order mark is accepted and ignored (RFC 8259 §8.1 allows
/// either; editors on some systems add one). Numbers are not converted: a lexeme such
/// as `1e999` is kept and only fails when used as a number (JsonValue::toDouble).
JsonParseResult parseJson(const QByteArray &utf8);

/// Offset of the first byte that breaks strict UTF-8 (overlong forms, surrogates and
/// code points above U+10FFFF included), or -1 when \a data is valid.
qsizetype firstInvalidUtf8(const char *data, qsizetype size);

} // namespace mc
