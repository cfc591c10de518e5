#include "cli.h"

#include "db/postgresapplier.h"
#include "db/sqliteapplier.h"
#include "ddl/catalog.h"
#include "ddl/ddlgenerator.h"
#include "ddl/inspectwriter.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"
#include "rules/lint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace mc {

namespace {

struct Verb
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

/// Parses a verb's options; returns -1 to go on, or the exit code to stop with.
int parse(QCommandLineParser &p, const QStringList &args, const QString &usageLine)
{
    p.setApplicationDescription(usageLine);
    p.addHelpOption();
    if (!p.parse(args)) {
        err() << p.errorText() << "\n" << p.helpText();
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText();
        return ExitOk;
    }
    return -1;
}

std::optional<Schema> load(const QString &path)
{
    LoadResult r = readSchemaFile(path);
    for (const Diagnostic &d : r.diagnostics)
        err() << path << ": " << severityName(d.severity) << ": " << d.toString() << "\n";
    return r.schema;
}

int inspect(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A modelcanvas/1 project file."));
    p.addOption({QStringLiteral("dialect"),
                 QStringLiteral("Catalog spelling of types and defaults: sqlite (default), "
                                "postgres or mysql."),
                 QStringLiteral("DIALECT"), QStringLiteral("sqlite")});
    const int stop = parse(p, args,
                           QStringLiteral("Prints, as one JSON document, what Sequelize 6.37.8 "
                                          "derives from FILE: creation order, cycle message, "
                                          "tables as the database catalog reports them, "
                                          "accessors and the define error."));
    if (stop >= 0)
        return stop;
    if (p.positionalArguments().size() != 1) {
        err() << "inspect: expected exactly one FILE\n" << p.helpText();
        return ExitUsage;
    }
    const auto dialect = dialectFromName(p.value(QStringLiteral("dialect")));
    if (!dialect) {
        err() << "inspect: unknown dialect \"" << p.value(QStringLiteral("dialect"))
              << "\" (expected sqlite, postgres or mysql)\n";
        return ExitUsage;
    }
    const auto schema = load(p.positionalArguments().first());
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    const Analysis analysis = analyse(derived);
    out().flush();
    const QByteArray json = inspectJson(derived, analysis, *dialect);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return ExitOk;
}

int check(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A modelcanvas/1 project file."));
    p.addOption({QStringLiteral("strict"), QStringLiteral("Treat FK cycles as errors.")});
    const int stop = parse(p, args,
                           QStringLiteral("Reports the problems of FILE: Sequelize's define "
                                          "errors, FK cycles with the association whose "
                                          "\"constraints\": false breaks each, and lint "
                                          "(unindexed foreign keys, accessor name clashes). "
                                          "Exit status 1 when an error is found."));
    if (stop >= 0)
        return stop;
    if (p.positionalArguments().size() != 1) {
        err() << "check: expected exactly one FILE\n" << p.helpText();
        return ExitUsage;
    }
    const QString path = p.positionalArguments().first();
    const auto schema = load(path);
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    const Analysis analysis = analyse(derived);
    const Diagnostics problems =
        checkSchema(*schema, derived, analysis, p.isSet(QStringLiteral("strict")));
    int errors = 0, warnings = 0;
    for (const Diagnostic &d : problems) {
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
        out() << path << ": " << severityName(d.severity) << ": " << d.toString() << "\n";
    }
    out() << path << ": " << errors << " error(s), " << warnings << " warning(s)\n";
    return errors > 0 ? ExitProblems : ExitOk;
}

/// Replaces \a path with \a text (UTF-8) in one step, so a reader never sees half a file.
int writeAtomically(const QString &verb, const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        err() << verb << ": cannot write " << path << ": " << file.errorString() << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

int ddl(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A modelcanvas/1 project file."));
    p.addOption({QStringLiteral("dialect"), QStringLiteral("Required: sqlite, postgres or mysql."),
                 QStringLiteral("DIALECT")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                 QStringLiteral("Write the statements to OUT (atomically) instead of stdout."),
                 QStringLiteral("OUT")});
    const int stop = parse(p, args,
                           QStringLiteral("Prints the SQL that Sequelize 6.37.8's sync() sends "
                                          "to create FILE's schema, one statement per line, in "
                                          "creation order (a cyclic schema: tables first, then "
                                          "ALTER TABLE ... ADD FOREIGN KEY; SQLite: inside "
                                          "PRAGMA foreign_keys = OFF/ON). Exit status 1 when "
                                          "Sequelize rejects the schema or a name is too long "
                                          "or invalid for the dialect."));
    if (stop >= 0)
        return stop;
    if (p.positionalArguments().size() != 1) {
        err() << "ddl: expected exactly one FILE\n" << p.helpText();
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("dialect"))) {
        err() << "ddl: --dialect is required (sqlite, postgres or mysql)\n";
        return ExitUsage;
    }
    const auto dialect = dialectFromName(p.value(QStringLiteral("dialect")));
    if (!dialect) {
        err() << "ddl: unknown dialect \"" << p.value(QStringLiteral("dialect"))
              << "\" (expected sqlite, postgres or mysql)\n";
        return ExitUsage;
    }
    const QString path = p.positionalArguments().first();
    const auto schema = load(path);
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    if (derived.error) {
        const DefineError &e = *derived.error;
        err() << path
              << ": error: " << (e.path.isEmpty() ? QString() : e.path + QStringLiteral(": "))
              << e.message << "\n";
        return ExitProblems;
    }
    const DdlResult result = generateDdl(derived, analyse(derived), *dialect);
    for (const QString &e : result.errors)
        err() << path << ": error: " << e << "\n";
    if (!result.ok())
        return ExitProblems;
    const QString script = ddlScript(result.statements);
    if (!p.isSet(QStringLiteral("output"))) {
        out() << script;
        return ExitOk;
    }
    return writeAtomically(QStringLiteral("ddl"), p.value(QStringLiteral("output")), script);
}

/// `sqlite:PATH` or `sqlite::memory:` -> the path QSQLITE opens; nullopt otherwise.
std::optional<QString> sqlitePath(const QString &url)
{
    const QLatin1String scheme("sqlite:");
    if (!url.startsWith(scheme) || url.size() == scheme.size())
        return std::nullopt;
    return url.mid(scheme.size());
}

/// apply's per-table progress line on stderr: `[3/12] Pictures`.
void reportProgress(int done, int total, const QString &table)
{
    err() << "[" << done << "/" << total << "] " << table << "\n";
    err().flush();
}

/// apply's PostgreSQL path (`postgres://USER@HOST:PORT/DB`): create mode only.
int applyToPostgres(const QCommandLineParser &p, const QString &url)
{
    if (p.value(QStringLiteral("mode")) != QLatin1String("create")) {
        err() << "apply: --mode " << p.value(QStringLiteral("mode"))
              << " is not implemented yet for PostgreSQL (only create)\n";
        return ExitUsage;
    }
    QString why;
    const auto target = parsePostgresUrl(url, &why);
    if (!target) {
        err() << "apply: bad PostgreSQL URL \"" << url << "\": " << why << "\n";
        return ExitUsage;
    }
    const QString path = p.positionalArguments().first();
    const auto schema = load(path);
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    PostgresApplyOptions options;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.progress = reportProgress;
    const PostgresApplyResult result = applyPostgres(*target, derived, analyse(derived), options);
    if (!result.ok) {
        err() << path << ": error: " << result.error << "\n";
        if (result.rolledBack)
            err() << "apply: nothing was changed in " << url << "\n";
        return ExitProblems;
    }
    if (options.dryRun) {
        out() << ddlScript(result.executed);
        return ExitOk;
    }
    err() << "apply: " << url << " is up to date (" << result.executed.size() << " statements)\n";
    return ExitOk;
}

int apply(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A modelcanvas/1 project file."));
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Required: the database, sqlite:PATH (created if missing) or "
                                "sqlite::memory:, or postgres://USER@HOST:PORT/DB (create mode; "
                                "password from MODELCANVAS_DB_PASSWORD)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("mode"),
                 QStringLiteral("create (default): CREATE TABLE IF NOT EXISTS, like sync(). "
                                "force: drop the design's tables that exist, then create "
                                "them (refused when they hold rows, unless --yes). alter: "
                                "change the tables to match the design, keeping rows."),
                 QStringLiteral("MODE"), QStringLiteral("create")});
    p.addOption({QStringLiteral("yes"),
                 QStringLiteral("With --mode force: drop tables even when they hold rows.")});
    p.addOption({QStringLiteral("dry-run"),
                 QStringLiteral("Print the statements that would run; touch nothing.")});
    const int stop = parse(p, args,
                           QStringLiteral("Creates FILE's schema in a database the way Sequelize "
                                          "6.37.8's sync() does (the statements of `ddl`), all "
                                          "in one transaction: if a statement fails, nothing is "
                                          "left behind. Progress per table goes to stderr. Exit "
                                          "status 1 when Sequelize rejects the schema or a "
                                          "statement fails (the database is left unchanged)."));
    if (stop >= 0)
        return stop;
    if (p.positionalArguments().size() != 1) {
        err() << "apply: expected exactly one FILE\n" << p.helpText();
        return ExitUsage;
    }
    const QString mode = p.value(QStringLiteral("mode"));
    if (mode != QLatin1String("create") && mode != QLatin1String("force") &&
        mode != QLatin1String("alter")) {
        err() << "apply: unknown mode \"" << mode << "\" (expected create, force or alter)\n";
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("db"))) {
        err() << "apply: --db is required (sqlite:PATH or sqlite::memory:)\n";
        return ExitUsage;
    }
    const QString url = p.value(QStringLiteral("db"));
    if (isPostgresUrl(url))
        return applyToPostgres(p, url);
    const auto dbPath = sqlitePath(url);
    if (!dbPath) {
        err() << "apply: unsupported database URL \"" << url
              << "\": only SQLite (sqlite:PATH or sqlite::memory:) and PostgreSQL "
                 "(postgres://USER@HOST:PORT/DB) are supported so far\n";
        return ExitUsage;
    }
    const QString path = p.positionalArguments().first();
    const auto schema = load(path);
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    ApplyOptions options;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.mode = mode == QLatin1String("force")   ? ApplyMode::Force
                   : mode == QLatin1String("alter") ? ApplyMode::Alter
                                                    : ApplyMode::Create;
    options.allowDataLoss = p.isSet(QStringLiteral("yes"));
    options.progress = reportProgress;
    const ApplyResult result = applySqlite(*dbPath, derived, analyse(derived), options);
    if (!result.ok) {
        err() << path << ": error: " << result.error << "\n";
        if (result.executed.contains(QStringLiteral("ROLLBACK")))
            err() << "apply: nothing was changed in " << url << "\n";
        return ExitProblems;
    }
    for (const QString &note : result.notes)
        err() << "apply: " << note << "\n";
    if (options.dryRun) {
        out() << ddlScript(result.executed);
        return ExitOk;
    }
    if (result.foreignKeyViolations > 0)
        err() << "apply: warning: PRAGMA foreign_key_check reports " << result.foreignKeyViolations
              << " row(s) violating foreign keys in " << url << "\n";
    err() << "apply: " << url << " is up to date (" << result.executed.size() << " statements)\n";
    return ExitOk;
}

const Verb kVerbs[] = {
    {"inspect", "print what Sequelize derives from a project file, as JSON", inspect},
    {"check", "report define errors, FK cycles and lint for a project file", check},
    {"ddl", "print the SQL that creates a project's schema (sqlite, postgres, mysql)", ddl},
    {"apply", "create a project's schema in a database (SQLite: create, force or alter)", apply},
};

} // namespace

bool isCliVerb(const QStringList &args)
{
    if (args.size() < 2)
        return false;
    const QString v = args.at(1);
    if (v == QLatin1String("help") || v == QLatin1String("--help") || v == QLatin1String("-h") ||
        v == QLatin1String("--version"))
        return true;
    for (const Verb &verb : kVerbs) {
        if (v == QLatin1String(verb.name))
            return true;
    }
    return false;
}

int runCli(const QStringList &args)
{
    const QString v = args.value(1);
    if (v == QLatin1String("--version")) {
        out() << "modelcanvas " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    for (const Verb &verb : kVerbs) {
        if (v == QLatin1String(verb.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("modelcanvas ") + v);
            return verb.run(rest);
        }
    }
    out() << "usage: modelcanvas [FILE]            open FILE in the editor\n"
             "       modelcanvas VERB [--help] ...\n\nverbs:\n";
    for (const Verb &verb : kVerbs)
        out() << "  " << QString::fromLatin1(verb.name).leftJustified(10) << verb.summary << "\n";
    return ExitOk;
}

} // namespace mc
