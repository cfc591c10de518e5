// Times one edit of each kind end to end on the document layer: the command, the
// derivation, the analysis and the problems, as the editor runs them after every
// gesture (the canvas adds its item updates on top; see bench_canvas).
// Usage: bench_edit FILE [RUNS]   (FILE e.g. from `bench_inspect --write DIR 10000`)

#include "commands/commands.h"
#include "document/document.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace mc;

namespace {

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

/// Pushes the command \a make builds, then undoes it; returns the median of both.
void timeEdit(Document &doc, const char *name, int runs,
              const std::function<QUndoCommand *(int run)> &make)
{
    QVector<double> doTimes, undoTimes;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        QUndoCommand *cmd = make(run);
        if (!cmd)
            return;
        doc.undoStack()->push(cmd);
        doTimes << t.nsecsElapsed() / 1e6;
        t.restart();
        doc.undoStack()->undo();
        undoTimes << t.nsecsElapsed() / 1e6;
    }
    std::printf("%-40s %8.2f ms   undo %8.2f ms\n", name, median(doTimes), median(undoTimes));
}

Model withAttribute(const Model &m, int run)
{
    Model after = m;
    Attribute a;
    a.name = QStringLiteral("benchColumn%1").arg(run);
    a.type = DataType::parse(QStringLiteral("STRING(40)"));
    after.attributes << a;
    return after;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_edit FILE [RUNS]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? args[2].toInt() : 9;
    Document doc;
    QElapsedTimer open;
    open.start();
    Diagnostics problems;
    if (!doc.load(args[1], &problems)) {
        std::fprintf(stderr, "%s does not load\n", qPrintable(args[1]));
        return 2;
    }
    std::printf("%d models, %d associations: open (load, derive, analyse, problems) %.0f ms\n",
                doc.modelCount(), doc.associationCount(), open.nsecsElapsed() / 1e6);
    std::printf("one edit, median of %d, end to end in the document layer:\n", runs);

    const int mid = doc.modelCount() / 2;
    const ModelId model = doc.modelIdAt(mid);
    const AssociationId assoc = doc.associationIdAt(doc.associationCount() / 2);
    timeEdit(doc, "add a model", runs,
             [&](int) { return addModelCommand(&doc, QPointF(10, 10)); });
    timeEdit(doc, "rename a model (and its associations)", runs, [&](int run) {
        return renameModelCommand(&doc, model, QStringLiteral("Renamed%1").arg(run));
    });
    timeEdit(doc, "add an attribute", runs, [&](int run) {
        return setModelCommand(&doc, model, withAttribute(*doc.model(model), run),
                               QStringLiteral("attribute"));
    });
    timeEdit(doc, "change an attribute type", runs, [&](int run) {
        Model m = *doc.model(model);
        if (m.attributes.isEmpty())
            return static_cast<EditCommand *>(nullptr);
        m.attributes[0].type =
            DataType::parse(run % 2 ? QStringLiteral("TEXT") : QStringLiteral("STRING(99)"));
        return setModelCommand(&doc, model, m, QStringLiteral("type"));
    });
    timeEdit(doc, "set a model option", runs, [&](int run) {
        Model m = *doc.model(model);
        m.options.timestamps = run % 2 == 0;
        m.hasOptions = true;
        return setModelCommand(&doc, model, m, QStringLiteral("option"));
    });
    timeEdit(doc, "add an association", runs, [&](int) {
        Association a;
        a.type = AssociationType::HasMany;
        a.source = doc.model(model)->name;
        a.target = doc.schema().models[mid + 1].name;
        a.as.kind = AliasSpec::Kind::String;
        a.as.name = QStringLiteral("BenchItems");
        return addAssociationCommand(&doc, a);
    });
    timeEdit(doc, "change an association", runs, [&](int) {
        return constraintsFalseCommand(&doc, assoc);
    });
    timeEdit(doc, "delete an association", runs,
             [&](int) { return deleteCommand(&doc, {}, {assoc}); });
    timeEdit(doc, "delete a model (and its associations)", runs,
             [&](int) { return deleteCommand(&doc, {model}, {}); });
    timeEdit(doc, "move a model", runs, [&](int run) {
        return moveCommand(&doc, {{model, doc.model(model)->position}},
                           {{model, QPointF(run, run)}}, QStringLiteral("Move"));
    });
    timeEdit(doc, "duplicate a model", runs, [&](int) { return duplicateCommand(&doc, {model}); });
    return 0;
}
