// Times load, derive, analyse and the catalog view on generated schemas of 1,000,
// 5,000 and 10,000 models (about two associations each: every type, junctions,
// self-associations, cycles with and without `constraints: false`); on the largest,
// one edit of each kind the editor makes (associations, models, attributes, options,
// renames; incremental derivation + analysis) and checkSchema() (the problems the
// editor recomputes after every edit). Prints figures; asserts nothing.
//
// Usage: bench_inspect [--write DIR] [--edits RUNS] [--verify 1] [SIZES...]
// --verify 1 also compares the problems Lint keeps after every edit with
// checkSchema() (untimed) and prints the edits where they differ.

#include "benchedits.h"

#include "ddl/inspectwriter.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace mc;

namespace {

/// Deterministic generator: edges point mostly "backwards" (to earlier models),
/// so the graph is a DAG except for one deliberate two-table loop per 100 models,
/// half of which are broken by `constraints: false`.
QByteArray generate(int n)
{
    quint32 seed = 12345;
    auto rnd = [&seed](int bound) {
        seed = seed * 1664525u + 1013904223u;
        return int((seed >> 8) % quint32(bound));
    };
    QByteArray out = "{\n  \"format\": \"modelcanvas/1\",\n  \"options\": {\"underscored\": false, "
                     "\"timestamps\": true, \"freezeTableName\": false},\n  \"models\": [\n";
    for (int i = 0; i < n; ++i) {
        const QByteArray name = "Entity" + QByteArray::number(i);
        out += "    {\"name\": \"" + name + "\", \"tableName\": null, \"attributes\": [";
        if (i % 50 == 7)
            out += "{\"name\": \"code\", \"type\": \"STRING(20)\", \"primaryKey\": true}, ";
        out += "{\"name\": \"title\", \"type\": \"STRING\"}, {\"name\": \"count\", \"type\": "
               "\"INTEGER\", \"allowNull\": false, \"defaultValue\": 0}, {\"name\": \"active\", "
               "\"type\": \"BOOLEAN\"}], \"position\": {\"x\": " +
               QByteArray::number((i % 100) * 260) +
               ", \"y\": " + QByteArray::number((i / 100) * 200) + "}}";
        out += i + 1 < n ? ",\n" : "\n";
    }
    out += "  ],\n  \"associations\": [\n";
    QList<QByteArray> assocs;
    auto model = [](int i) { return "\"Entity" + QByteArray::number(i) + "\""; };
    for (int i = 1; i < n; ++i) {
        const int j = rnd(i); // an earlier model
        const QByteArray src = model(i), earlier = model(j);
        switch (i % 10) {
        case 0:
        case 1:
        case 2:
            assocs << "{\"type\": \"belongsTo\", \"source\": " + src + ", \"target\": " + earlier +
                          "}";
            assocs << "{\"type\": \"hasMany\", \"source\": " + earlier + ", \"target\": " + src +
                          ", \"as\": \"Items" + QByteArray::number(i) + "\"}";
            break;
        case 3:
            assocs << "{\"type\": \"hasOne\", \"source\": " + earlier + ", \"target\": " + src +
                          "}";
            assocs << "{\"type\": \"belongsTo\", \"source\": " + src + ", \"target\": " + earlier +
                          ", \"as\": \"Owner\", \"foreignKey\": {\"allowNull\": false}}";
            break;
        case 4:
            assocs << "{\"type\": \"belongsToMany\", \"source\": " + src +
                          ", \"target\": " + earlier + ", \"through\": \"Link" +
                          QByteArray::number(i) + "\"}";
            assocs << "{\"type\": \"belongsToMany\", \"source\": " + earlier +
                          ", \"target\": " + src + ", \"through\": \"Link" + QByteArray::number(i) +
                          "\"}";
            break;
        case 5:
            assocs << "{\"type\": \"belongsTo\", \"source\": " + src + ", \"target\": " + src +
                          ", \"as\": \"Parent\"}";
            assocs << "{\"type\": \"hasMany\", \"source\": " + src + ", \"target\": " + src +
                          ", \"as\": \"Children\", \"foreignKey\": \"ParentId\"}";
            break;
        case 6:
            // A loop: the later model points back with belongsTo, the earlier one
            // forward, half of them broken with constraints: false.
            assocs << "{\"type\": \"belongsTo\", \"source\": " + src + ", \"target\": " + earlier +
                          "}";
            assocs << "{\"type\": \"belongsTo\", \"source\": " + earlier + ", \"target\": " + src +
                          ", \"as\": \"Featured" + QByteArray::number(i) + "\"" +
                          ((i / 10) % 10 == 0 ? QByteArray()
                           : (i / 10) % 2     ? QByteArray(", \"constraints\": false")
                                              : QByteArray(", \"constraints\": false")) +
                          "}";
            break;
        default:
            assocs << "{\"type\": \"belongsTo\", \"source\": " + src + ", \"target\": " + earlier +
                          ", \"as\": \"Ref" + QByteArray::number(i) +
                          "\", \"onDelete\": \"CASCADE\"}";
            assocs << "{\"type\": \"hasMany\", \"source\": " + earlier + ", \"target\": " + src +
                          ", \"as\": \"Rev" + QByteArray::number(i) + "\", \"foreignKey\": \"rev" +
                          QByteArray::number(i) + "Id\", \"constraints\": false}";
            break;
        }
    }
    for (int k = 0; k < assocs.size(); ++k)
        out += "    " + assocs[k] + (k + 1 < assocs.size() ? ",\n" : "\n");
    out += "  ]\n}\n";
    return out;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

template <typename F> double timeBest(int runs, F &&f)
{
    qint64 best = -1;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        f();
        const qint64 e = t.nsecsElapsed();
        best = best < 0 ? e : std::min(best, e);
    }
    return ms(best);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString writeDir;
    int editRuns = 7;
    bool verify = false;
    while (args.size() >= 2 && args.first().startsWith(QLatin1String("--"))) {
        if (args.first() == QLatin1String("--write"))
            writeDir = args.at(1);
        else if (args.first() == QLatin1String("--edits"))
            editRuns = std::max(1, args.at(1).toInt());
        else if (args.first() == QLatin1String("--verify"))
            verify = args.at(1).toInt() != 0;
        args = args.mid(2);
    }
    QList<int> sizes;
    for (const QString &a : args)
        sizes << a.toInt();
    if (sizes.isEmpty())
        sizes = {1000, 5000, 10000};

    QTextStream out(stdout);
    out << "models  assocs  tables  cycles |  load ms  derive ms  analyse ms   output ms |  total "
           "ms\n";
    Schema largest;
    for (int n : sizes) {
        const QByteArray json = generate(n);
        if (!writeDir.isEmpty()) {
            QFile f(QDir(writeDir).filePath(QStringLiteral("generated-%1.json").arg(n)));
            if (f.open(QIODevice::WriteOnly))
                f.write(json);
        }
        std::optional<Schema> schema;
        DerivedSchema derived;
        Analysis analysis;
        const double load = timeBest(3, [&] { schema = readSchema(json).schema; });
        if (!schema) {
            out << "generated schema does not load\n";
            return 1;
        }
        const double der = timeBest(3, [&] { derived = derive(*schema); });
        const double ana = timeBest(3, [&] { analysis = analyse(derived); });
        QByteArray text; // what `modelcanvas inspect` prints
        const double cat =
            timeBest(3, [&] { text = inspectJson(derived, analysis, Dialect::SQLite); });
        out << QString::asprintf(
            "%6d  %6lld  %6lld  %6lld | %8.1f  %9.1f  %10.1f  %10.1f | %8.1f\n", n,
            qlonglong(schema->associations.size()), qlonglong(derived.tables.size()),
            qlonglong(analysis.cycles.size()), load, der, ana, cat, load + der + ana + cat);
        out.flush();
        if (derived.error) {
            out << "unexpected define error: " << derived.error->message << "\n";
            return 1;
        }
        largest = *schema;
    }

    benchEdits(largest, editRuns, out, verify);
    benchLint(largest, editRuns, out);
    return 0;
}
