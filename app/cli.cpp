#include "cli.h"
#include "cliverbs.h"

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

namespace cli {

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

int writeAtomically(const QString &verb, const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        err() << verb << ": cannot write " << path << ": " << file.errorString() << "\n";
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace cli

namespace {

using namespace cli;

struct Verb
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

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
    auto loaded = load(p.positionalArguments().first());
    if (!loaded)
        return ExitUsage;
    const Schema &schema = keepUntilExit(std::move(*loaded));
    const DerivedSchema &derived = keepUntilExit(derive(schema));
    const Analysis &analysis = keepUntilExit(analyse(derived));
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
    auto loaded = load(path);
    if (!loaded)
        return ExitUsage;
    const Schema &schema = keepUntilExit(std::move(*loaded));
    const DerivedSchema &derived = keepUntilExit(derive(schema));
    const Analysis &analysis = keepUntilExit(analyse(derived));
    const Diagnostics problems =
        checkSchema(schema, derived, analysis, p.isSet(QStringLiteral("strict")));
    int errors = 0, warnings = 0;
    for (const Diagnostic &d : problems) {
        (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
        out() << path << ": " << severityName(d.severity) << ": " << d.toString() << "\n";
    }
    out() << path << ": " << errors << " error(s), " << warnings << " warning(s)\n";
    return errors > 0 ? ExitProblems : ExitOk;
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
    auto loaded = load(path);
    if (!loaded)
        return ExitUsage;
    const Schema &schema = keepUntilExit(std::move(*loaded));
    const DerivedSchema &derived = keepUntilExit(derive(schema));
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

const Verb kVerbs[] = {
    {"inspect", "print what Sequelize derives from a project file, as JSON", inspect},
    {"check", "report define errors, FK cycles and lint for a project file", check},
    {"ddl", "print the SQL that creates a project's schema (sqlite, postgres, mysql)", ddl},
    {"apply", "create or update a project's schema in a database", cli::apply},
    {"import", "write a project file from a database's tables and foreign keys", cli::import},
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
