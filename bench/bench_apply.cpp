// Times applySchema() for a project file on a database URL: load and derive happen
// before the clock starts, so the figure is the applier's alone (connect, the DDL in
// one transaction, the foreign key check on SQLite). Prints figures; asserts nothing.
//
// Usage: bench_apply FILE URL   (URL as `modelcanvas apply --db`, for an empty database)

#include "db/database.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace mc;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: bench_apply FILE URL\n");
        return 2;
    }
    QString why;
    const auto target = parseDatabaseUrl(args[2], &why);
    if (!target) {
        std::fprintf(stderr, "bench_apply: %s\n", qPrintable(why));
        return 2;
    }
    const LoadResult loaded = readSchemaFile(args[1]);
    if (!loaded.schema) {
        std::fprintf(stderr, "bench_apply: cannot load %s\n", qPrintable(args[1]));
        return 2;
    }
    const DerivedSchema derived = derive(*loaded.schema);
    const Analysis analysis = analyse(derived);
    int tables = 0;
    ApplyOptions options;
    options.progress = [&tables](int, int total, const QString &) { tables = total; };
    QElapsedTimer clock;
    clock.start();
    const ApplyResult result = applySchema(*target, derived, analysis, options);
    const qint64 ms = clock.elapsed();
    if (!result.ok) {
        std::fprintf(stderr, "bench_apply: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("%d tables, %lld statements: %lld ms\n", tables,
                static_cast<long long>(result.executed.size()), static_cast<long long>(ms));
    return 0;
}
