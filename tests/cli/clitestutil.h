#pragma once
// Helpers of tst_cli: run the real binary, find fixtures, look into SQLite files.

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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

} // namespace clitest
