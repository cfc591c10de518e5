// Shared by the canvas tests: documents from JSON, a shown view, and what the
// scene shows written out as text (to compare states across undo and redo).
#pragma once

#include "associationedgeitem.h"
#include "canvasscene.h"
#include "canvasview.h"
#include "document/document.h"
#include "io/schemareader.h"
#include "junctionnodeitem.h"
#include "modelnodeitem.h"

#include <QTest>

#include <memory>

namespace canvastest {

inline mc::Schema schemaFromJson(const QByteArray &json)
{
    mc::LoadResult r = mc::readSchema(json);
    if (!r.ok())
        qFatal("bad test schema: %s", qPrintable(r.diagnostics.value(0).message));
    return *r.schema;
}

/// A document, its scene and a shown view.
struct Canvas
{
    mc::Document document;
    std::unique_ptr<mc::CanvasScene> scene;
    std::unique_ptr<mc::CanvasView> view;

    explicit Canvas(const mc::Schema &schema)
    {
        document.reset(schema);
        scene = std::make_unique<mc::CanvasScene>(&document);
        view = std::make_unique<mc::CanvasView>(scene.get());
        view->resize(1000, 700);
        view->show();
        view->setZoom(1.0);
        view->centerOn(300, 150);
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        view->activateWindow();
        view->setFocus();
    }
    QWidget *viewport() const { return view->viewport(); }
    mc::ModelNodeItem *node(const QString &name) const
    {
        return scene->modelNode(document.modelIdByName(name));
    }
    QPoint at(const QPointF &scenePos) const { return view->mapFromScene(scenePos); }
    QPoint headerOf(const QString &name) const
    {
        mc::ModelNodeItem *n = node(name);
        return at(n->mapToScene(n->headerRect().center() - QPointF(30, 0)));
    }
    QPoint handleOf(const QString &name) const
    {
        mc::ModelNodeItem *n = node(name);
        return at(n->mapToScene(n->handleRect().center()));
    }
    QPoint centreOf(const QString &name) const { return at(node(name)->sceneBox().center()); }
};

inline QStringList rowNames(const mc::NodeItem *node)
{
    QStringList out;
    for (const mc::NodeRow &row : node->content().rows)
        out << row.name;
    return out;
}

inline const mc::NodeRow *row(const mc::NodeItem *node, const QString &name)
{
    for (const mc::NodeRow &r : node->content().rows)
        if (r.name == name)
            return &r;
    return nullptr;
}

/// Everything the scene shows, item by item, as text.
inline QString sceneState(const mc::CanvasScene *scene)
{
    QStringList out;
    for (int i = 0; i < scene->accessibleItemCount(); ++i) {
        QGraphicsItem *item = scene->accessibleItemAt(i);
        if (auto *node = dynamic_cast<mc::NodeItem *>(item)) {
            QStringList rows;
            for (const mc::NodeRow &r : node->content().rows)
                rows << QStringLiteral("%1:%2:%3").arg(r.name, r.type).arg(int(r.kind));
            out << QStringLiteral("%1 [%2] at %3,%4 %5 %6")
                       .arg(node->accessibleName(), node->content().subtitle)
                       .arg(node->pos().x())
                       .arg(node->pos().y())
                       .arg(rows.join(QLatin1Char(' ')))
                       .arg(node->inCycle() ? QStringLiteral("CYCLE") : QString());
        } else if (auto *edge = qgraphicsitem_cast<mc::AssociationEdgeItem *>(item)) {
            const mc::EdgeContent &c = edge->content();
            out << QStringLiteral("%1 %2 slot %3 fk %4 as %5 %6 %7")
                       .arg(edge->accessibleName(), c.badge)
                       .arg(edge->slotIndex())
                       .arg(c.fkName, c.alias)
                       .arg(c.noConstraint ? QStringLiteral("dashed") : QString())
                       .arg(edge->inCycle() ? QStringLiteral("CYCLE") : QString());
        } else {
            out << QStringLiteral("missing item %1").arg(i);
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace canvastest
