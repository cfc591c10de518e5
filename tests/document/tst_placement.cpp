// Placement of models without a position: readable (referenced tables above their
// dependents), never overlapping, disconnected parts apart, the same every time, and
// models that have a position keep it.

#include "document/document.h"
#include "document/placement.h"
#include "io/schemareader.h"

#include <QDir>
#include <QRectF>
#include <QTest>

using namespace mc;

Q_DECLARE_METATYPE(mc::Schema)

namespace {

Model model(const QString &name, int attributes = 1)
{
    Model m;
    m.name = name;
    m.tableName = std::nullopt;
    for (int i = 0; i < attributes; ++i) {
        Attribute a;
        a.name = QStringLiteral("field%1").arg(i);
        a.type = DataType::parse(QStringLiteral("STRING"));
        m.attributes << a;
    }
    return m;
}

Association association(AssociationType type, const QString &source, const QString &target)
{
    Association a;
    a.type = type;
    a.source = source;
    a.target = target;
    return a;
}

/// Blog: User <- Post <- Comment (belongsTo), Tag n:m Post, Category hasMany Post,
/// plus a separate Invoice <- Line pair and a lone Setting.
Schema blog()
{
    Schema s;
    s.models << model(QStringLiteral("Comment"), 2) << model(QStringLiteral("Post"), 4)
             << model(QStringLiteral("User"), 6) << model(QStringLiteral("Tag"))
             << model(QStringLiteral("Category")) << model(QStringLiteral("Line"), 3)
             << model(QStringLiteral("Invoice")) << model(QStringLiteral("Setting"), 8);
    s.associations << association(AssociationType::BelongsTo, QStringLiteral("Comment"),
                                  QStringLiteral("Post"))
                   << association(AssociationType::BelongsTo, QStringLiteral("Post"),
                                  QStringLiteral("User"))
                   << association(AssociationType::HasMany, QStringLiteral("Category"),
                                  QStringLiteral("Post"))
                   << association(AssociationType::BelongsTo, QStringLiteral("Line"),
                                  QStringLiteral("Invoice"));
    Association tags =
        association(AssociationType::BelongsToMany, QStringLiteral("Post"), QStringLiteral("Tag"));
    tags.through = QStringLiteral("PostTags");
    s.associations << tags;
    return s;
}

/// \a n models in a few chains and stars, with more columns on some.
Schema generated(int n)
{
    Schema s;
    for (int i = 0; i < n; ++i)
        s.models << model(QStringLiteral("M%1").arg(i), i % 7);
    for (int i = 1; i < n; ++i) {
        if (i % 11 == 0)
            continue; // starts a new part
        const int parent = (i % 3 == 0) ? i - 1 : (i / 2);
        if (parent != i)
            s.associations << association(AssociationType::BelongsTo, QStringLiteral("M%1").arg(i),
                                          QStringLiteral("M%1").arg(parent));
    }
    return s;
}

QRectF rectOf(const Document &d, const PositionChange &c)
{
    return QRectF(*c.position, estimatedNodeSize(d, c.model));
}

QVector<ModelId> allModels(const Document &d)
{
    QVector<ModelId> ids;
    for (int i = 0; i < d.modelCount(); ++i)
        ids << d.modelIdAt(i);
    return ids;
}

} // namespace

class TstPlacement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOverlaps_data();
    void noOverlaps();
    void dependentsBelowReferencedTables();
    void disconnectedPartsApart();
    void deterministic();
    void placedModelsKeepTheirPlace();
    void cycleStillPlacesEveryModel();
};

void TstPlacement::noOverlaps_data()
{
    QTest::addColumn<Schema>("schema");
    QTest::newRow("blog") << blog();
    QTest::newRow("generated 300") << generated(300);
    const QDir cases(QStringLiteral(MC_FIXTURES "/cases"));
    for (const QString &name : cases.entryList({QStringLiteral("*.json")})) {
        LoadResult r = readSchemaFile(cases.filePath(name));
        if (r.schema)
            QTest::newRow(qPrintable(name)) << *r.schema;
    }
}

void TstPlacement::noOverlaps()
{
    QFETCH(Schema, schema);
    Document d;
    d.reset(schema);
    const QVector<PositionChange> placed = placeModels(d, allModels(d));
    QCOMPARE(placed.size(), d.modelCount());
    for (int i = 0; i < placed.size(); ++i) {
        QVERIFY(placed.at(i).position.has_value());
        for (int j = i + 1; j < placed.size(); ++j) {
            QVERIFY2(!rectOf(d, placed.at(i)).intersects(rectOf(d, placed.at(j))),
                     qPrintable(QStringLiteral("%1 overlaps %2")
                                    .arg(d.model(placed.at(i).model)->name,
                                         d.model(placed.at(j).model)->name)));
        }
    }
}

void TstPlacement::dependentsBelowReferencedTables()
{
    for (const Schema &schema : {blog(), generated(200)}) {
        Document d;
        d.reset(schema);
        QHash<ModelId, QRectF> rects;
        for (const PositionChange &c : placeModels(d, allModels(d)))
            rects.insert(c.model, rectOf(d, c));
        int checked = 0;
        const QVector<DerivedTable> &tables = d.derived().tables;
        for (const DerivedTable &table : tables) {
            if (table.modelIndex < 0)
                continue; // the junction: the canvas draws it between its models
            const ModelId dependent = d.modelIdAt(table.modelIndex);
            for (const TableReference &ref : table.references) {
                const ModelId referenced = d.modelIdAt(tables.at(ref.table).modelIndex);
                QVERIFY2(rects.value(referenced).bottom() < rects.value(dependent).top(),
                         qPrintable(table.model + QStringLiteral(" is not below ") +
                                    tables.at(ref.table).model));
                ++checked;
            }
        }
        QVERIFY(checked >= 3);
    }
}

void TstPlacement::disconnectedPartsApart()
{
    Document d;
    d.reset(blog());
    QHash<QString, QRectF> rects;
    for (const PositionChange &c : placeModels(d, allModels(d)))
        rects.insert(d.model(c.model)->name, rectOf(d, c));
    QRectF blogPart;
    for (const char *name : {"User", "Post", "Comment", "Tag", "Category"})
        blogPart |= rects.value(QLatin1String(name));
    const QRectF invoicePart =
        rects.value(QStringLiteral("Invoice")) | rects.value(QStringLiteral("Line"));
    QVERIFY(!blogPart.intersects(invoicePart));
    QVERIFY(!blogPart.intersects(rects.value(QStringLiteral("Setting"))));
    QVERIFY(!invoicePart.intersects(rects.value(QStringLiteral("Setting"))));
}

void TstPlacement::deterministic()
{
    auto positions = [](const Schema &schema) {
        Document d;
        d.reset(schema);
        QStringList out;
        for (const PositionChange &c : placeModels(d, allModels(d)))
            out << QStringLiteral("%1@%2,%3")
                       .arg(d.model(c.model)->name)
                       .arg(c.position->x())
                       .arg(c.position->y());
        return out;
    };
    const QStringList first = positions(generated(150));
    QCOMPARE(positions(generated(150)), first);
    QCOMPARE(positions(blog()), positions(blog()));
}

void TstPlacement::placedModelsKeepTheirPlace()
{
    Schema schema = blog();
    schema.models[2].position = QPointF(500, 300);  // User
    schema.models[7].position = QPointF(-200, 900); // Setting
    Document d;
    d.reset(schema);
    QVector<ModelId> unplaced;
    for (int i = 0; i < d.modelCount(); ++i) {
        if (!d.model(d.modelIdAt(i))->position)
            unplaced << d.modelIdAt(i);
    }
    const QVector<PositionChange> placed = placeModels(d, unplaced);
    QCOMPARE(placed.size(), 6);
    const QRectF user(QPointF(500, 300),
                      estimatedNodeSize(d, d.modelIdByName(QStringLiteral("User"))));
    const QRectF setting(QPointF(-200, 900),
                         estimatedNodeSize(d, d.modelIdByName(QStringLiteral("Setting"))));
    for (const PositionChange &c : placed) {
        QVERIFY(c.model != d.modelIdByName(QStringLiteral("User")));
        QVERIFY(!rectOf(d, c).intersects(user));
        QVERIFY(!rectOf(d, c).intersects(setting));
        QVERIFY(c.position->y() > setting.bottom());
    }
}

void TstPlacement::cycleStillPlacesEveryModel()
{
    Document d;
    LoadResult r = readSchemaFile(
        QStringLiteral(MC_FIXTURES "/cases/seed-cycle-no-constraints-false.model.json"));
    QVERIFY(r.schema);
    d.reset(*r.schema);
    QVERIFY(!d.analysis().cycles.isEmpty());
    const QVector<PositionChange> placed = placeModels(d, allModels(d));
    QCOMPARE(placed.size(), 2);
    QVERIFY(!rectOf(d, placed.at(0)).intersects(rectOf(d, placed.at(1))));
}

QTEST_GUILESS_MAIN(TstPlacement)
#include "tst_placement.moc"
