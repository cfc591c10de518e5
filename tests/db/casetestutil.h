#pragma once

// The conformance cases as the database tests use them: the fixture files, a case
// derived and analysed, the catalog Sequelize left for it, and QJson conversions.

#include "domain/jsonvalue.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace casetest {

using namespace mc;

inline QString fixture(const QString &rel)
{
    return QStringLiteral(MC_FIXTURES) + QLatin1Char('/') + rel;
}

struct Prepared
{
    DerivedSchema derived;
    Analysis analysis;
};

inline Prepared prepare(const DerivedSchema &derived)
{
    return {derived, analyse(derived)};
}

/// tests/fixtures/cases/NAME.model.json, derived and analysed.
inline Prepared prepareCase(const QString &name)
{
    const LoadResult r = readSchemaFile(fixture(QStringLiteral("cases/%1.model.json").arg(name)));
    if (!r.schema)
        qFatal("unreadable case %s", qPrintable(name));
    return prepare(derive(*r.schema));
}

/// The case names (file names without `.model.json`), sorted.
inline QStringList caseNames()
{
    QStringList names;
    for (const QString &f : QDir(fixture(QStringLiteral("cases")))
                                .entryList({QStringLiteral("*.model.json")}, QDir::Files))
        names << f.chopped(int(qstrlen(".model.json")));
    return names;
}

inline QJsonObject toQt(const JsonValue &v)
{
    return QJsonDocument::fromJson(v.toCompactJson().toUtf8()).object();
}

/// The `tables` Sequelize left for case \a name: expected/NAME.json for SQLite, or
/// expected/\a engineDir/NAME.json (`postgres`, `mysql-live`).
inline QJsonObject expectedTables(const QString &engineDir, const QString &name)
{
    const QString rel = engineDir.isEmpty()
                            ? QStringLiteral("expected/%1.json").arg(name)
                            : QStringLiteral("expected/%1/%2.json").arg(engineDir, name);
    QFile f(fixture(rel));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no expectation %s", qPrintable(rel));
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("tables")).toObject();
}

} // namespace casetest
