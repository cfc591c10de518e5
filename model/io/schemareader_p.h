#pragma once

// Internal to the io library: the validating reader of modelcanvas/1, shared by
// schemareader.cpp (document, models, attributes) and associationreader.cpp
// (associations and their keys). Not part of the model's public API.

#include "schemareader.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cstring>

namespace mc::reader {

using Kind = JsonValue::Kind;

/// Latin-1 view of a key or message literal: compares with QString without allocating.
using L = QLatin1String;

/// A JSON path for diagnostics (`models[1].attributes[0].type`), built only when a
/// message needs it: a parent path plus one key or index. Paths live on the stack of
/// the reading functions, so the parent outlives every child.
class Path
{
public:
    Path() = default; ///< the document root
    Path(const Path &parent, QStringView key) : m_parent(&parent), m_key(key) {}
    Path(const Path &parent, int index) : m_parent(&parent), m_index(index) {}

    QString toString() const
    {
        if (!m_parent)
            return QString();
        const QString parent = m_parent->toString();
        return m_index >= 0 ? jsonPathIndex(parent, m_index)
                            : jsonPathKey(parent, m_key.toString());
    }

private:
    const Path *m_parent = nullptr;
    QStringView m_key;
    int m_index = -1;
};

/// key == name, inline: every member's key is tried against the names its object
/// knows, and most tries fail on the length alone. \a name is ASCII.
inline bool is(const QString &key, const char *name)
{
    const qsizetype n = qsizetype(std::strlen(name)); // a constant once inlined
    if (key.size() != n)
        return false;
    const QChar *k = key.constData();
    for (qsizetype i = 0; i < n; ++i) {
        if (k[i].unicode() != char16_t(name[i]))
            return false;
    }
    return true;
}

/// Validates one parsed document against file-format §10, collecting every problem.
class SchemaReader
{
public:
    LoadResult read(const JsonValue &doc);

private:
    void error(const Path &path, const QString &message)
    {
        m_diags.append(Diagnostic::error(path.toString(), message));
    }
    void typeError(const Path &path, const QString &expected, const JsonValue &got)
    {
        error(path, QStringLiteral("expected %1, got %2").arg(expected, got.describe()));
    }
    bool isKind(const JsonValue &v, Kind k, const Path &path, const char *expected)
    {
        if (v.kind() != k)
            typeError(path, L(expected), v);
        return v.kind() == k;
    }
    template <typename Handler>
    void members(const JsonValue &obj, const Path &path, Extensions &ext, Handler handle);
    void requireKeys(const JsonValue &obj, const Path &path,
                     std::initializer_list<const char *> keys);
    std::optional<bool> readBool(const JsonValue &v, const Path &path);
    std::optional<QString> readName(const JsonValue &v, const Path &path);
    std::optional<double> readFinite(const JsonValue &v, const Path &path);

    void readOptions(const JsonValue &v, const Path &path, ModelOptions &o);
    void readModels(const JsonValue &v, const Path &path, QVector<Model> &models);
    void readModel(const JsonValue &v, const Path &path, Model &m);
    void readAttributes(const JsonValue &v, const Path &path, QVector<Attribute> &attrs);
    void readAttribute(const JsonValue &v, const Path &path, Attribute &a, bool inKeySpec);
    void readIndex(const JsonValue &v, const Path &path, IndexSpec &index);
    void readPosition(const JsonValue &v, const Path &path, Model &m);
    void readAssociation(const JsonValue &v, const Path &path, Association &a);
    void readAlias(const JsonValue &v, const Path &path, AliasSpec &as,
                   std::optional<AssociationType> type);
    void readKeySpec(const JsonValue &v, const Path &path, KeySpec &k);
    QString readModelRef(const JsonValue &v, const Path &path);
    std::optional<QString> readAction(const JsonValue &v, const Path &path);

    /// DataType::parse() of a type string, or why it failed.
    struct ParsedType
    {
        std::optional<DataType> type;
        QString message;
    };
    /// Type strings repeat (`STRING`, `INTEGER`): each is parsed once, and its
    /// DataType shared by every attribute that spells it.
    const ParsedType &parseType(const QString &text)
    {
        auto it = m_types.find(text);
        if (it == m_types.end()) {
            ParsedType parsed;
            parsed.type = DataType::parse(text, &parsed.message);
            it = m_types.insert(text, parsed);
        }
        return *it;
    }

    Diagnostics m_diags;
    QHash<QString, ParsedType> m_types;
    QStringList m_modelNames;         ///< unique model names, in order
    QHash<QString, int> m_modelIndex; ///< index of each name's first definition
    bool m_modelsKnown = false;
};

/// Calls handle(key, value, path) for each member except `x-` keys, which go to
/// \a ext; a key that handle() does not know (returns false) is reported.
template <typename Handler>
void SchemaReader::members(const JsonValue &obj, const Path &path, Extensions &ext, Handler handle)
{
    for (size_t i = 0; i < obj.keys().size(); ++i) {
        const QString &key = obj.keys()[i];
        const Path p(path, key);
        if (key.size() >= 2 && key[0] == u'x' && key[1] == u'-')
            ext.emplace_back(key, obj.items()[i]);
        else if (!handle(key, obj.items()[i], p))
            error(p, QStringLiteral("unknown key %1").arg(jsonQuote(key)));
    }
}

} // namespace mc::reader
