// Creation order and cycles, by Sequelize's own depth-first rule (spec §7).

#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/lint.h"

#include <QTest>

using namespace mc;

namespace {

struct Result
{
    Schema schema;
    DerivedSchema derived;
    Analysis analysis;
};

Result analyseJson(const char *models, const char *associations)
{
    const QByteArray doc = QByteArray("{\"format\": \"modelcanvas/1\", \"models\": [") + models +
                           "], \"associations\": [" + associations + "]}";
    const LoadResult r = readSchema(doc);
    if (!r.schema)
        qFatal("test schema does not load: %s",
               r.diagnostics.isEmpty() ? "" : qPrintable(r.diagnostics.first().toString()));
    Result out{*r.schema, derive(*r.schema), {}};
    out.analysis = analyse(out.derived);
    return out;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out << QLatin1String(s);
    return out;
}

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderIsDepthFirstPostOrder();
    void threeTableCycleMessage();
    void selfReferenceIsNoCycle();
    void constraintsFalseBreaksTheCycle();
    void everyCycleIsFoundWithItsFix();
    void strictCheckFailsOnCycles();
    void longChainDoesNotOverflow();
};

void TestAnalysis::orderIsDepthFirstPostOrder()
{
    const Result r = analyseJson(
        R"j({"name": "Comment", "attributes": []}, {"name": "Post", "attributes": []},
           {"name": "User", "attributes": []}, {"name": "Category", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "Comment", "target": "Post"},
           {"type": "belongsTo", "source": "Comment", "target": "User"},
           {"type": "belongsTo", "source": "Post", "target": "Category"},
           {"type": "belongsTo", "source": "Post", "target": "User"})j");
    QCOMPARE(r.analysis.order, list({"Categories", "Users", "Posts", "Comments"}));
    QVERIFY(!r.analysis.cyclic());
    QVERIFY(r.analysis.cycles.isEmpty());
}

void TestAnalysis::threeTableCycleMessage()
{
    const Result r = analyseJson(
        R"j({"name": "Author", "attributes": []}, {"name": "Book", "attributes": []}, {"name": "Publisher", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "Author", "target": "Book"},
           {"type": "belongsTo", "source": "Book", "target": "Publisher"},
           {"type": "belongsTo", "source": "Publisher", "target": "Author"})j");
    QCOMPARE(r.analysis.toposortError,
             QStringLiteral("Cyclic dependency found. Authors is dependent of itself.\n"
                            "Dependency chain: Authors -> Books -> Publishers => Authors"));
    // Sequelize >= 6.20 creates a cyclic schema in definition order.
    QCOMPARE(r.analysis.order, list({"Authors", "Books", "Publishers"}));
    QCOMPARE(r.analysis.cycles.size(), 1);
    QCOMPARE(r.analysis.cycles[0].tables, list({"Authors", "Books", "Publishers"}));
    QCOMPARE(r.analysis.cycles[0].edges.size(), 3);
}

void TestAnalysis::selfReferenceIsNoCycle()
{
    const Result r = analyseJson(
        R"j({"name": "Category", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "Category", "target": "Category", "as": "Parent"})j");
    QVERIFY(!r.analysis.cyclic());
    QCOMPARE(r.analysis.order, list({"Categories"}));
}

void TestAnalysis::constraintsFalseBreaksTheCycle()
{
    const char *models =
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []})j";
    Result r = analyseJson(models, R"j({"type": "hasMany", "source": "User", "target": "Picture"},
                                      {"type": "belongsTo", "source": "User", "target": "Picture", "as": "ProfilePicture"})j");
    QVERIFY(r.analysis.cyclic());
    QCOMPARE(r.analysis.cycles.size(), 1);
    QCOMPARE(r.analysis.cycles[0].suggestedFix, 1);
    // Applying the suggested fix really removes the cycle.
    r.schema.associations[1].constraints = false;
    const Analysis fixed = analyse(derive(r.schema));
    QVERIFY(!fixed.cyclic());
    QCOMPARE(fixed.order, list({"Users", "Pictures"}));
}

void TestAnalysis::everyCycleIsFoundWithItsFix()
{
    // Two separate loops (A<->B and C->D->E->C) plus an acyclic tail F.
    Result r = analyseJson(
        R"j({"name": "A", "attributes": []}, {"name": "B", "attributes": []}, {"name": "C", "attributes": []},
           {"name": "D", "attributes": []}, {"name": "E", "attributes": []}, {"name": "F", "attributes": []})j",
        R"j({"type": "belongsTo", "source": "A", "target": "B"},
           {"type": "belongsTo", "source": "B", "target": "A"},
           {"type": "belongsTo", "source": "C", "target": "D"},
           {"type": "hasMany", "source": "C", "target": "E"},
           {"type": "belongsTo", "source": "D", "target": "E"},
           {"type": "belongsTo", "source": "F", "target": "A"})j");
    QCOMPARE(r.analysis.cycles.size(), 2);
    QCOMPARE(r.analysis.cycles[0].tables, list({"As", "Bs"}));
    QCOMPARE(r.analysis.cycles[1].tables, list({"Cs", "Ds", "Es"}));
    for (const Cycle &c : r.analysis.cycles) {
        QVERIFY(c.suggestedFix >= 0);
        r.schema.associations[c.suggestedFix].constraints = false;
    }
    QVERIFY(!analyse(derive(r.schema)).cyclic());
}

void TestAnalysis::strictCheckFailsOnCycles()
{
    const Result r = analyseJson(
        R"j({"name": "User", "attributes": []}, {"name": "Picture", "attributes": []})j",
        R"j({"type": "hasMany", "source": "User", "target": "Picture"},
                                    {"type": "belongsTo", "source": "User", "target": "Picture", "as": "ProfilePicture"})j");
    const Diagnostics lax = checkSchema(r.schema, r.derived, r.analysis, false);
    const Diagnostics strict = checkSchema(r.schema, r.derived, r.analysis, true);
    QVERIFY(!hasErrors(lax));
    QVERIFY(hasErrors(strict));
    bool named = false;
    for (const Diagnostic &d : lax)
        named = named ||
                (d.message.contains(QLatin1String("Users -> Pictures => Users")) &&
                 d.message.contains(QLatin1String("\"constraints\": false to associations[1]")));
    QVERIFY(named);
}

void TestAnalysis::longChainDoesNotOverflow()
{
    // 20,000 models each depending on the next: recursion would overflow the stack.
    QByteArray models, assocs;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        models += (i ? "," : "") + QByteArray("{\"name\": \"M") + QByteArray::number(i) +
                  "\", \"attributes\": []}";
        if (i + 1 < n)
            assocs += (i ? "," : "") + QByteArray("{\"type\": \"belongsTo\", \"source\": \"M") +
                      QByteArray::number(i) + "\", \"target\": \"M" + QByteArray::number(i + 1) +
                      "\"}";
    }
    const Result r = analyseJson(models.constData(), assocs.constData());
    QCOMPARE(r.analysis.order.size(), n);
    QCOMPARE(r.analysis.order.first(), QStringLiteral("M19999s"));
    QCOMPARE(r.analysis.order.last(), QStringLiteral("M0s"));
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
