// Times the canvas on generated schemas of 1,000 and 5,000 models (the shape of
// bench_inspect's: about two associations per model): open to first paint, a full
// repaint at fit-all and at 100%, one drag step, and one edit end to end with the
// scene's update and repaint. Prints figures; asserts nothing. `--shot DIR` also
// saves pictures of the example (light and dark) and of 1,000 models at fit-all;
// `--no-edits` stops each size after the drag (the paint figures alone); `--only N`
// runs the grid of N models alone.
#include "associationedgeitem.h"
#include "canvasscene.h"
#include "canvasview.h"
#include "commands/commands.h"
#include "io/schemareader.h"
#include "modelnodeitem.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStyle>
#include <QTest>
#include <QTextStream>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace mc;

namespace {

QByteArray generate(int n)
{
    quint32 seed = 12345;
    auto rnd = [&seed](int bound) {
        seed = seed * 1664525u + 1013904223u;
        return int((seed >> 8) % quint32(bound));
    };
    QByteArray out = R"({"format": "modelcanvas/1", "models": [)";
    for (int i = 0; i < n; ++i) {
        out += i ? "," : "";
        out += R"({"name": "Entity)" + QByteArray::number(i) +
               R"(", "tableName": null, "attributes": [{"name": "title", "type": "STRING"},
               {"name": "count", "type": "INTEGER"}, {"name": "active", "type": "BOOLEAN"}],
               "position": {"x": )" +
               QByteArray::number((i % 100) * 260) +
               ", \"y\": " + QByteArray::number((i / 100) * 240) + "}}";
    }
    out += R"(], "associations": [)";
    auto model = [](int i) { return "\"Entity" + QByteArray::number(i) + "\""; };
    QList<QByteArray> assocs;
    for (int i = 1; i < n; ++i) {
        const QByteArray src = model(i), earlier = model(rnd(i));
        const QByteArray tag = QByteArray::number(i);
        switch (i % 5) {
        case 0:
            assocs << R"({"type": "belongsToMany", "source": )" + src + ", \"target\": " + earlier +
                          R"(, "through": "Link)" + tag + "\"}";
            break;
        case 1:
            assocs << R"({"type": "hasOne", "source": )" + earlier + ", \"target\": " + src + "}";
            break;
        case 2:
            assocs << R"({"type": "belongsTo", "source": )" + src + ", \"target\": " + src +
                          R"(, "as": "Parent"})";
            break;
        default:
            assocs << R"({"type": "hasMany", "source": )" + earlier + ", \"target\": " + src +
                          R"(, "as": "Items)" + tag + "\"}";
        }
        assocs << R"({"type": "belongsTo", "source": )" + src + ", \"target\": " + earlier +
                      R"(, "as": "Ref)" + tag + "\"}";
    }
    out += assocs.join(',') + "]}";
    return out;
}

double msSince(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

void line(const char *what, int n, double ms)
{
    std::printf("%-44s %6d models %10.2f ms\n", what, n, ms);
    std::fflush(stdout);
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// Wall time per full repaint; the thread's CPU time goes in *cpu (steadier on a
/// shared machine).
double repaint(CanvasView &view, int times, double *cpu)
{
    QElapsedTimer t;
    const double c0 = cpuMs();
    t.start();
    for (int i = 0; i < times; ++i)
        view.viewport()->grab(); // paints every item in the viewport
    *cpu = (cpuMs() - c0) / times;
    return msSince(t) / times;
}

void repaintLine(const char *what, int n, CanvasView &view)
{
    double cpu = 0;
    const double wall = repaint(view, qEnvironmentVariableIntValue("MC_BENCH_REPAINTS") + 5, &cpu);
    std::printf("%-44s %6d models %10.2f ms (cpu %.2f)\n", what, n, wall, cpu);
    std::fflush(stdout);
}

/// One step of a pan with the middle button at 100%: the view scrolls and repaints
/// the strips it uncovers.
void panLine(int n, CanvasView &view)
{
    const QPoint from = view.viewport()->rect().center();
    QTest::mousePress(view.viewport(), Qt::MiddleButton, {}, from);
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    const double c0 = cpuMs();
    const int steps = 20;
    for (int i = 1; i <= steps; ++i) {
        QTest::mouseMove(view.viewport(), from - QPoint(6 * i, 4 * i));
        QApplication::processEvents();
    }
    std::printf("%-44s %6d models %10.2f ms (cpu %.2f)\n", "one pan step (middle button, 100%)", n,
                msSince(t) / steps, (cpuMs() - c0) / steps);
    QTest::mouseRelease(view.viewport(), Qt::MiddleButton, {}, from - QPoint(6 * steps, 4 * steps));
    QApplication::processEvents();
}

/// \a placed: positions dropped, so the canvas lays the models out (placeModels())
/// the way it does for an imported project; otherwise the generator's grid, where
/// edges run to random earlier models (long lines across the whole diagram).
void run(int n, const QString &shotDir, bool placed, bool edits)
{
    LoadResult loaded = readSchema(generate(n));
    if (!loaded.ok()) {
        std::printf("generated schema does not load\n");
        return;
    }
    if (placed)
        for (Model &m : loaded.schema->models)
            m.position.reset();
    std::printf("-- %d models, %s\n", n, placed ? "placed on open" : "grid positions");
    QElapsedTimer total;
    total.start();
    Document document;
    document.reset(*loaded.schema);
    line("open: document reset (derive, analysis)", n, msSince(total));
    QElapsedTimer t;
    t.start();
    CanvasScene scene(&document);
    line("open: scene build", n, msSince(t));
    CanvasView view(&scene);
    view.resize(1400, 900);
    view.show();
    view.fitAll();
    view.viewport()->grab();
    line("open to first paint (fit-all), total", n, msSince(total));
    std::printf("  %lld edges, %d junctions\n", qlonglong(document.associationCount()),
                scene.junctionCount());

    repaintLine("full repaint at fit-all", n, view);
    if (!shotDir.isEmpty() && n == 1000)
        view.grab().save(shotDir + QStringLiteral("/canvas-1000-fit.png"));
    // Between fit-all and 100%: named boxes and bare edge lines.
    view.setZoom(0.2);
    view.viewport()->grab();
    repaintLine("full repaint at 20%", n, view);
    if (!shotDir.isEmpty() && n == 1000)
        view.grab().save(shotDir + QStringLiteral("/canvas-1000-20.png"));
    t.start();
    view.setZoom(1.0);
    view.viewport()->grab();
    line("zoom in to 100% + first paint", n, msSince(t));
    // A node in the middle whose header nothing covers (junctions sit between models).
    ModelId middle = 0;
    ModelNodeItem *node = nullptr;
    QPoint at;
    for (int i = n / 2 + 50; i < n && !node; ++i) {
        middle = document.modelIdAt(i);
        view.centreOn({middle}, {});
        ModelNodeItem *candidate = scene.modelNode(middle);
        at = view.mapFromScene(
            candidate->mapToScene(candidate->headerRect().center() - QPointF(30, 0)));
        if (view.itemAt(at) == candidate)
            node = candidate;
    }
    repaintLine("full repaint at 100%", n, view);
    {
        int nodes = 0;
        int edges = 0;
        for (QGraphicsItem *item : view.items(view.viewport()->rect()))
            ++(item->type() == AssociationEdgeItem::Type ? edges : nodes);
        std::printf("  in view at 100%%: %d nodes, %d edges \n", nodes, edges);
    }
    QApplication::processEvents();

    // One drag step: a node with its edges, through real mouse events.
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at);
    QApplication::processEvents();
    double worst = 0;
    t.start();
    const double c0 = cpuMs();
    const int steps = 20;
    for (int i = 1; i <= steps; ++i) {
        QElapsedTimer step;
        step.start();
        QTest::mouseMove(view.viewport(), at + QPoint(4 * i, 3 * i));
        QApplication::processEvents();
        worst = std::max(worst, msSince(step));
    }
    const double mean = msSince(t) / steps;
    const double meanCpu = (cpuMs() - c0) / steps;
    std::printf("%-44s %6d models %10.2f ms (cpu %.2f; worst %.2f; %lld edges on the node)\n",
                "one drag step (move, re-route, repaint)", n, mean, meanCpu, worst,
                qlonglong(node->edges().size()));
    t.start();
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at + QPoint(4 * steps, 3 * steps));
    QApplication::processEvents();
    line("drop: the move command, end to end", n, msSince(t));
    panLine(n, view);
    if (!edits)
        return;

    {
        // The same rename without a canvas: what the document and commands cost alone.
        Document bare;
        bare.reset(*loaded.schema);
        t.start();
        bare.undoStack()->push(renameModelCommand(&bare, middle, QStringLiteral("Renamed")));
        line("edit: rename a model, document only", n, msSince(t));
    }
    t.start();
    document.undoStack()->push(renameModelCommand(&document, middle, QStringLiteral("Renamed")));
    QApplication::processEvents();
    line("edit: rename a model, end to end + paint", n, msSince(t));
    Association a;
    a.type = AssociationType::HasMany;
    a.source = QStringLiteral("Renamed");
    a.target = document.model(document.modelIdAt(n / 2 + 51))->name;
    a.as.kind = AliasSpec::Kind::String;
    a.as.name = QStringLiteral("Extras");
    t.start();
    document.undoStack()->push(addAssociationCommand(&document, a));
    QApplication::processEvents();
    line("edit: add an association, end to end + paint", n, msSince(t));
    t.start();
    document.undoStack()->undo();
    QApplication::processEvents();
    line("edit: undo it, end to end + paint", n, msSince(t));
}

/// A design with every kind of edge: a cycle, a junction, a self-association.
void shootDesign(const QString &dir)
{
    const LoadResult r = readSchema(R"json({"format": "modelcanvas/1", "models": [
        {"name": "User", "tableName": null, "attributes": [{"name": "name", "type": "STRING"}],
         "position": {"x": 0, "y": 0}},
        {"name": "Picture", "tableName": null, "attributes": [{"name": "format", "type": "STRING"}],
         "position": {"x": 520, "y": 0}},
        {"name": "Tag", "tableName": null, "attributes": [{"name": "label", "type": "STRING(40)"}],
         "position": {"x": 520, "y": 420}},
        {"name": "Category", "tableName": null, "attributes": [{"name": "title", "type": "STRING"}],
         "position": {"x": 0, "y": 380}}],
      "associations": [
        {"type": "hasMany", "source": "User", "target": "Picture"},
        {"type": "belongsTo", "source": "User", "target": "Picture", "as": "ProfilePicture"},
        {"type": "belongsToMany", "source": "Picture", "target": "Tag", "through": "PictureTags"},
        {"type": "belongsTo", "source": "Category", "target": "Category", "as": "Parent"},
        {"type": "hasOne", "source": "Category", "target": "Tag", "constraints": false}]})json");
    if (!r.ok())
        return;
    Document document;
    document.reset(*r.schema);
    CanvasScene scene(&document);
    CanvasView view(&scene);
    view.resize(1100, 760);
    view.show();
    view.fitAll();
    QApplication::processEvents();
    view.grab().save(dir + QStringLiteral("/canvas-design.png"));
}

void shootExample(const QString &dir)
{
    shootDesign(dir);
    const LoadResult r = readSchemaFile(QStringLiteral(MC_EXAMPLES "/users-pictures.json"));
    if (!r.ok())
        return;
    for (bool dark : {false, true}) {
        QPalette palette = QApplication::style()->standardPalette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
            palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
            palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xf0));
            palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        }
        QApplication::setPalette(palette);
        Document document;
        document.reset(*r.schema);
        CanvasScene scene(&document);
        scene.setPalette(palette);
        CanvasView view(&scene);
        view.resize(900, 520);
        view.show();
        view.setZoom(1.0);
        view.centreOn({document.modelIdAt(0), document.modelIdAt(1)}, {});
        QApplication::processEvents();
        view.grab().save(dir + (dark ? QStringLiteral("/canvas-example-dark.png")
                                     : QStringLiteral("/canvas-example-light.png")));
    }
    QApplication::setPalette(QApplication::style()->standardPalette());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    const QStringList args = QApplication::arguments();
    const int shot = args.indexOf(QStringLiteral("--shot"));
    const QString shotDir = shot > 0 ? args.value(shot + 1) : QString();
    if (!shotDir.isEmpty())
        shootExample(shotDir);
    const bool edits = !args.contains(QStringLiteral("--no-edits"));
    // `--only N` times the grid of N models alone.
    const int only = args.indexOf(QStringLiteral("--only"));
    if (only > 0) {
        run(args.value(only + 1).toInt(), QString(), false, edits);
        return 0;
    }
    for (int n : {1000, 5000})
        run(n, shotDir, false, edits);
    run(5000, QString(), true, edits);
    return 0;
}
