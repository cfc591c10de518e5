#pragma once
// Helpers of tst_cli: run the real binary, find fixtures, look into SQLite files.

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace clitest {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

inline Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the verbs must not need a display
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MC_BINARY), args);
    if (!p.waitForFinished(60000))
        qFatal("modelcanvas did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QString fixture(const QString &rel)
{
    return QStringLiteral(MC_FIXTURES) + QLatin1Char('/') + rel;
}

/// The table names in the SQLite file at \a path, read on a connection of our own.
inline QStringList sqliteTables(const QString &path, const QStringList &setup = {})
{
    QStringList tables;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        for (const QString &sql : setup) {
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        tables = db.tables();
        tables.removeAll(QStringLiteral("sqlite_sequence"));
        tables.sort();
        db.close();
    }
    QSqlDatabase::removeDatabase(path);
    return tables;
}

/// A table-by-table dump of the SQLite file at \a path from its PRAGMAs (columns, foreign
/// keys, indexes with their columns), for comparing two databases' catalogs.
inline QStringList sqliteSchema(const QString &path)
{
    QStringList dump;
    const QString name = path + QStringLiteral("#schema");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        auto rows = [&](const QString &sql, const QString &prefix) {
            if (!q.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            QStringList out;
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i)
                    fields << q.value(i).toString();
                out << prefix + fields.join(QLatin1Char('|'));
            }
            return out;
        };
        QStringList tables = db.tables();
        tables.sort();
        for (const QString &t : std::as_const(tables)) {
            const QString quoted = QLatin1Char('"') + t + QLatin1Char('"');
            dump << rows(QStringLiteral("PRAGMA table_info(%1)").arg(quoted),
                         t + QStringLiteral(" col "));
            QStringList fks = rows(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted),
                                   t + QStringLiteral(" fk "));
            fks.sort();
            dump << fks;
            for (const QString &index :
                 rows(QStringLiteral("SELECT name FROM pragma_index_list(%1) "
                                     "ORDER BY name")
                          .arg(QLatin1Char('\'') + t + QLatin1Char('\'')),
                      QString()))
                dump << rows(QStringLiteral("PRAGMA index_info(\"%1\")").arg(index),
                             t + QStringLiteral(" index "));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return dump;
}

} // namespace clitest
