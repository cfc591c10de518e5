// An edit re-derives only the models it touches; the result must always be exactly
// what a full derive() of the edited schema gives.

#include "ddl/catalog.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/incremental.h"

#include <QTest>

using namespace mc;

namespace {

/// Everything observable of a derivation, as one text, so a mismatch shows.
QString fingerprint(const DerivedSchema &d)
{
    QStringList out;
    out << QStringLiteral("error=") + (d.error ? d.error->message : QString());
    for (const DerivedTable &t : d.tables) {
        QStringList cols;
        for (const DerivedColumn &c : t.columns)
            cols << QStringLiteral("%1:%2:%3:%4:%5")
                        .arg(c.column)
                        .arg(c.associationIndex)
                        .arg(c.refTable, c.onDelete, c.onUpdate);
        QStringList refs; // what the analysis walks
        for (const TableReference &r : t.references)
            refs << QStringLiteral("%1->%2").arg(r.column).arg(r.table);
        out << t.table + QLatin1Char('(') + t.model + QLatin1String(") ") +
                   cols.join(QLatin1Char(',')) + QLatin1String(" refs ") +
                   refs.join(QLatin1Char(','));
        if (d.tableIndexByName(t.table) < 0 || d.tableIndexByModel(t.model) < 0)
            out << QStringLiteral("missing lookup for ") + t.table;
    }
    for (const auto &a : d.accessors)
        out << a.first + QLatin1String(": ") + a.second.join(QLatin1Char(' '));
    for (const ResolvedAssociation &r : d.associations)
        out << QStringLiteral("%1 %2 %3 fk=%4 ok=%5 through=%6 applied=%7 shadowed=%8")
                   .arg(r.index)
                   .arg(r.as, r.singular, r.foreignKey, r.otherKey, r.throughTable)
                   .arg(r.applied)
                   .arg(r.shadowed.join(QLatin1Char(' ')));
    out << catalogTables(d, Dialect::SQLite).toCompactJson();
    const Analysis a = analyse(d);
    out << QStringLiteral("order=") + a.order.join(QLatin1Char(' '));
    out << QStringLiteral("toposortError=") + a.toposortError;
    for (const Cycle &c : a.cycles) {
        QStringList assocs;
        for (int i : c.associations)
            assocs << QString::number(i);
        out << QStringLiteral("cycle %1 via %2 fix %3")
                   .arg(c.tables.join(QLatin1Char(' ')), assocs.join(QLatin1Char(' ')))
                   .arg(c.suggestedFix);
    }
    return out.join(QLatin1Char('\n'));
}

struct Rng
{
    quint32 state;
    int operator()(int bound)
    {
        state = state * 1664525u + 1013904223u;
        return int((state >> 8) % quint32(bound));
    }
};

Schema generated(int models)
{
    QByteArray doc = "{\"format\": \"modelcanvas/1\", \"models\": [";
    for (int i = 0; i < models; ++i)
        doc += (i ? "," : "") + QByteArray("{\"name\": \"M") + QByteArray::number(i) +
               "\", \"attributes\": [{\"name\": \"title\", \"type\": \"STRING\"}]}";
    doc += "]}";
    return *readSchema(doc).schema;
}

Association randomAssociation(Rng &rnd, int models, int serial)
{
    Association a;
    a.type = AssociationType(rnd(4));
    a.source = QStringLiteral("M%1").arg(rnd(models));
    a.target = QStringLiteral("M%1").arg(rnd(models));
    if (a.type == AssociationType::BelongsToMany) {
        a.through = QStringLiteral("J%1").arg(rnd(6)); // shared junctions pair up
        if (a.source == a.target || rnd(2)) {
            a.as.kind = AliasSpec::Kind::String;
            a.as.name = QStringLiteral("Links%1").arg(serial);
        }
    } else if (rnd(3) == 0) {
        a.as.kind = AliasSpec::Kind::String;
        a.as.name = QStringLiteral("Alias%1").arg(serial);
    }
    if (rnd(4) == 0) { // shared FK columns: the first association to make one wins
        a.foreignKey.kind = KeySpec::Kind::String;
        a.foreignKey.name = QStringLiteral("shared%1Id").arg(rnd(3));
    }
    if (rnd(4) == 0)
        a.constraints = false;
    if (rnd(5) == 0)
        a.onDelete = QStringLiteral("CASCADE");
    return a;
}

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomEditsMatchFullDerivation_data();
    void randomEditsMatchFullDerivation();
    void defineErrorFallsBackAndRecovers();
};

void TestIncremental::randomEditsMatchFullDerivation_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 12; ++seed)
        QTest::newRow(qPrintable(QString::number(seed))) << seed;
}

void TestIncremental::randomEditsMatchFullDerivation()
{
    QFETCH(quint32, seed);
    Rng rnd{seed};
    const int models = 12;
    Schema schema = generated(models);
    int serial = 0;
    for (int i = 0; i < 20; ++i)
        schema.associations.append(randomAssociation(rnd, models, serial++));
    IncrementalDerivation inc(schema);
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
    int incremental = 0;
    for (int step = 0; step < 150; ++step) {
        const int n = schema.associations.size();
        const int op = n == 0 ? 0 : rnd(3);
        QString what;
        if (op == 0) {
            const int at = rnd(n + 1);
            schema.associations.insert(at, randomAssociation(rnd, models, serial++));
            inc.associationInserted(schema, at);
            what = QStringLiteral("insert at %1").arg(at);
        } else if (op == 1) {
            const int at = rnd(n);
            const Association removed = schema.associations.takeAt(at);
            inc.associationRemoved(schema, at, removed);
            what = QStringLiteral("remove at %1").arg(at);
        } else {
            const int at = rnd(n);
            const Association before = schema.associations[at];
            schema.associations[at] = randomAssociation(rnd, models, serial++);
            inc.associationChanged(schema, at, before);
            what = QStringLiteral("change at %1").arg(at);
        }
        incremental += inc.lastUpdateWasIncremental() ? 1 : 0;
        const QString expected = fingerprint(derive(schema));
        const QString actual = fingerprint(inc.derived());
        if (expected != actual) {
            const QStringList e = expected.split(QLatin1Char('\n')),
                              a = actual.split(QLatin1Char('\n'));
            for (int k = 0; k < std::max(e.size(), a.size()); ++k) {
                if (e.value(k) != a.value(k))
                    QFAIL(qPrintable(QStringLiteral("step %1 (%2): expected\n  %3\nactual\n  %4")
                                         .arg(step)
                                         .arg(what, e.value(k), a.value(k))));
            }
        }
    }
    // Random edits make define errors now and then (duplicate aliases, collisions),
    // which replay everything; most edits must take the incremental path.
    QVERIFY2(incremental > 50, qPrintable(QString::number(incremental)));
}

void TestIncremental::defineErrorFallsBackAndRecovers()
{
    Schema schema = generated(3);
    Association a;
    a.type = AssociationType::HasMany;
    a.source = QStringLiteral("M0");
    a.target = QStringLiteral("M1");
    a.as.kind = AliasSpec::Kind::String;
    a.as.name = QStringLiteral("Things");
    schema.associations << a;
    IncrementalDerivation inc(schema);
    schema.associations << a; // duplicate alias
    inc.associationInserted(schema, 1);
    QVERIFY(inc.derived().error);
    QVERIFY(!inc.lastUpdateWasIncremental());
    const Association removed = schema.associations.takeLast();
    inc.associationRemoved(schema, 1, removed);
    QVERIFY(!inc.derived().error);
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
    schema.associations[0].as.name = QStringLiteral("Stuff");
    inc.associationChanged(schema, 0, a);
    QVERIFY(inc.lastUpdateWasIncremental());
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
}

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
