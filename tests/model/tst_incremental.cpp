// An edit re-derives only the models it touches; the result must always be exactly
// what a full derive() of the edited schema gives.

#include "ddl/catalog.h"
#include "io/schemareader.h"
#include "rules/analysis.h"
#include "rules/incremental.h"
#include "rules/lint.h"

#include <QTest>

using namespace mc;

namespace {

/// Everything observable of a derivation, as one text, so a mismatch shows.
QString fingerprint(const DerivedSchema &d)
{
    QStringList out;
    out << QStringLiteral("error=") +
               (d.error ? d.error->message + QLatin1Char(' ') + d.error->path : QString());
    for (const DerivedTable &t : d.tables) {
        QStringList cols;
        for (const DerivedColumn &c : t.columns)
            cols << QStringLiteral("%1:%2:%3:%4:%5:%6:%7:%8")
                        .arg(c.column)
                        .arg(c.associationIndex)
                        .arg(c.refTable, c.onDelete, c.onUpdate, c.attribute, c.type.toString(),
                             QStringLiteral("o%1r%2u%3p%4")
                                 .arg(int(c.origin))
                                 .arg(c.hasReference)
                                 .arg(c.uniqueInline)
                                 .arg(c.primaryKey));
        QStringList refs; // what the analysis walks
        for (const TableReference &r : t.references)
            refs << QStringLiteral("%1->%2").arg(r.column).arg(r.table);
        QStringList indexes;
        for (const DerivedIndex &ix : t.indexes)
            indexes << ix.name + QLatin1Char(':') + ix.columns.join(QLatin1Char('+'));
        out << QStringLiteral("#%1 pk=%2 indexes=%3 ")
                       .arg(t.modelIndex)
                       .arg(t.primaryKey.join(QLatin1Char('+')), indexes.join(QLatin1Char(' '))) +
                   t.table + QLatin1Char('(') + t.model + QLatin1String(") ") +
                   cols.join(QLatin1Char(',')) + QLatin1String(" refs ") +
                   refs.join(QLatin1Char(','));
        if (d.tableIndexByName(t.table) < 0 || d.tableIndexByModel(t.model) < 0)
            out << QStringLiteral("missing lookup for ") + t.table;
    }
    for (const auto &a : d.accessors)
        out << a.first + QLatin1String(": ") + a.second.join(QLatin1Char(' '));
    for (const ResolvedAssociation &r : d.associations)
        out << QStringLiteral("%1 %2 %3 fk=%4 ok=%5 through=%6 applied=%7 shadowed=%8 %9")
                   .arg(r.index)
                   .arg(r.as, r.singular, r.foreignKey, r.otherKey, r.throughTable)
                   .arg(r.applied)
                   .arg(r.shadowed.join(QLatin1Char(' ')),
                        QStringList{r.source, r.target, r.holderTable, r.identifierField,
                                    r.sourceKey, r.targetKey, r.accessors.join(QLatin1Char(','))}
                            .join(QLatin1Char(' ')));
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

QStringList modelNames(const Schema &schema)
{
    QStringList out;
    for (const Model &m : schema.models)
        out << m.name;
    return out;
}

Association randomAssociation(Rng &rnd, const QStringList &models, int serial)
{
    Association a;
    a.type = AssociationType(rnd(4));
    a.source = models[rnd(models.size())];
    a.target = models[rnd(models.size())];
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

Attribute attribute(const QString &name, const QString &type)
{
    Attribute a;
    a.name = name;
    a.type = DataType::parse(type);
    return a;
}

Model randomModel(Rng &rnd, const QString &name)
{
    Model m;
    m.name = name;
    m.attributes << attribute(QStringLiteral("title"), QStringLiteral("STRING"));
    if (rnd(5) == 0) {
        Attribute code = attribute(QStringLiteral("code"), QStringLiteral("STRING(20)"));
        code.primaryKey = true;
        m.attributes.prepend(code);
    }
    if (rnd(3) == 0)
        m.attributes << attribute(QStringLiteral("rank"), QStringLiteral("INTEGER"));
    if (rnd(4) == 0) {
        m.hasOptions = true;
        m.options.underscored = rnd(2) == 0;
    }
    return m;
}

/// A table as the views see it, without what merely follows an insertion or
/// removal elsewhere (association indices, table indices, model index).
QString tableText(const DerivedTable &t)
{
    QStringList cols;
    for (const DerivedColumn &c : t.columns)
        cols << QStringList{c.attribute,
                            c.column,
                            c.type.toString(),
                            c.refTable,
                            c.onDelete,
                            QString::number(c.notNull()),
                            QString::number(c.primaryKey),
                            QString::number(int(c.origin)),
                            QString::number(c.hasReference),
                            QString::number(c.uniqueInline)}
                    .join(QLatin1Char(':'));
    QStringList indexes;
    for (const DerivedIndex &ix : t.uniques + t.indexes)
        indexes << ix.name + QLatin1Char('=') + ix.columns.join(QLatin1Char('+'));
    return t.model + QLatin1Char(' ') + t.table + QLatin1Char(' ') + cols.join(QLatin1Char(',')) +
           QLatin1Char(' ') + indexes.join(QLatin1Char(','));
}

/// Random edits of models (and associations), made the way the editor's document
/// makes them: change the schema, tell the derivation right after each change, and
/// read the result once per edit.
struct ModelEditor
{
    Schema &schema;
    IncrementalDerivation &inc;
    Rng &rnd;
    int serial = 0;
    /// Whether models may take `through` names (models used as junctions: those
    /// schemas replay everything on every edit).
    bool junctionNames = false;

    int randomAttribute(const Model &m)
    {
        return m.attributes.isEmpty() ? -1 : rnd(m.attributes.size());
    }

    QString changeModel(int index)
    {
        const Model before = schema.models[index];
        Model &m = schema.models[index];
        const int attr = randomAttribute(m);
        QString what;
        switch (rnd(14)) {
        case 0: {
            static const char *const types[] = {"INTEGER", "STRING", "BOOLEAN", "BIGINT"};
            Attribute a = attribute(QStringLiteral("extra%1").arg(serial++),
                                    QString::fromLatin1(types[rnd(4)]));
            if (rnd(2))
                a.allowNull = false;
            m.attributes.insert(rnd(m.attributes.size() + 1), a);
            what = QStringLiteral("add attribute");
            break;
        }
        case 1:
            if (attr >= 0)
                m.attributes.removeAt(attr);
            what = QStringLiteral("remove attribute");
            break;
        case 2:
            // Now and then an implicit key's name, or a foreign key's: define errors and
            // merges with the columns associations add.
            if (attr >= 0)
                m.attributes[attr].name = rnd(8) == 0   ? QStringLiteral("id")
                                          : rnd(6) == 0 ? QStringLiteral("M1Id")
                                                        : QStringLiteral("renamed%1").arg(serial++);
            what = QStringLiteral("rename attribute");
            break;
        case 3: {
            static const char *const types[] = {"BIGINT", "STRING(40)", "UUID", "INTEGER"};
            if (attr >= 0)
                m.attributes[attr].type = DataType::parse(QString::fromLatin1(types[rnd(4)]));
            what = QStringLiteral("retype attribute");
            break;
        }
        case 4:
            if (attr >= 0)
                m.attributes[attr].primaryKey = !m.attributes[attr].isPrimaryKey();
            what = QStringLiteral("toggle primary key");
            break;
        case 5: {
            // Sometimes another model's table: two models sharing a table.
            const int k = rnd(3);
            m.tableName = k == 0   ? std::optional<QString>()
                          : k == 1 ? std::optional<QString>(QStringLiteral("tbl%1").arg(serial++))
                                   : std::optional<QString>(QStringLiteral("M%1s").arg(rnd(4)));
            what = QStringLiteral("table name");
            break;
        }
        case 6:
        case 7:
        case 8:
        case 9: {
            m.hasOptions = true;
            std::optional<bool> ModelOptions::*const keys[] = {
                &ModelOptions::underscored, &ModelOptions::timestamps,
                &ModelOptions::freezeTableName, &ModelOptions::paranoid};
            std::optional<bool> &v = m.options.*keys[rnd(4)];
            v = v ? std::optional<bool>() : std::optional<bool>(rnd(2) == 0);
            what = QStringLiteral("option");
            break;
        }
        case 10:
            return renameModel(index);
        case 11: {
            IndexSpec ix;
            ix.fields << (attr >= 0 ? m.attributes[attr].name : QStringLiteral("id"));
            m.indexes = QVector<IndexSpec>{ix};
            what = QStringLiteral("index");
            break;
        }
        case 12:
            if (attr >= 0) {
                m.attributes[attr].comment = QStringLiteral("c%1").arg(serial++);
                m.attributes[attr].allowNull = rnd(2) == 0;
            }
            what = QStringLiteral("comment and allowNull");
            break;
        default:
            m.hasOptions = true;
            m.options.createdAt.present = true;
            m.options.createdAt.disabled = rnd(2) == 0;
            m.options.createdAt.name = QStringLiteral("made");
            what = QStringLiteral("createdAt");
            break;
        }
        inc.modelChanged(schema, index, before);
        return QStringLiteral("%1 of %2").arg(what, before.name);
    }

    QString renameModel(int index)
    {
        // The document rewrites the associations naming the model in the same edit;
        // the calls come in either order. Sometimes the new name is a `through`.
        const Model before = schema.models[index];
        const QString old = before.name;
        const QString name = junctionNames && rnd(6) == 0 ? QStringLiteral("J%1").arg(rnd(6))
                                                          : QStringLiteral("R%1").arg(serial++);
        if (schema.modelIndex(name) >= 0)
            return QStringLiteral("no rename");
        schema.models[index].name = name;
        const bool modelFirst = rnd(2) == 0;
        if (modelFirst)
            inc.modelChanged(schema, index, before);
        for (int i = 0; i < schema.associations.size(); ++i) {
            Association &a = schema.associations[i];
            if (a.source != old && a.target != old && a.through != old)
                continue;
            const Association was = a;
            if (a.source == old)
                a.source = name;
            if (a.target == old)
                a.target = name;
            if (a.through == old)
                a.through = name;
            inc.associationChanged(schema, i, was);
        }
        if (!modelFirst)
            inc.modelChanged(schema, index, before);
        return QStringLiteral("rename %1 to %2").arg(old, name);
    }

    QString removeModel(int index)
    {
        // A model goes with its associations, in either order.
        const QString name = schema.models[index].name;
        const bool modelFirst = rnd(2) == 0;
        auto dropModel = [&] {
            const Model removed = schema.models.takeAt(index);
            inc.modelRemoved(schema, index, removed);
        };
        if (modelFirst)
            dropModel();
        for (int i = schema.associations.size() - 1; i >= 0; --i) {
            const Association &a = schema.associations[i];
            if (a.source != name && a.target != name && a.through != name)
                continue;
            const Association removed = schema.associations.takeAt(i);
            inc.associationRemoved(schema, i, removed);
        }
        if (!modelFirst)
            dropModel();
        return QStringLiteral("remove model %1").arg(name);
    }

    QString insertModel()
    {
        const int at = rnd(schema.models.size() + 1);
        // Sometimes a `through` name: the model replaces the junction made from it.
        QString name = junctionNames && rnd(6) == 0 ? QStringLiteral("J%1").arg(rnd(6))
                                                    : QStringLiteral("N%1").arg(serial++);
        if (schema.modelIndex(name) >= 0)
            name = QStringLiteral("N%1").arg(serial++);
        schema.models.insert(at, randomModel(rnd, name));
        inc.modelInserted(schema, at);
        return QStringLiteral("insert model %1 at %2").arg(name).arg(at);
    }

    QString editAssociation()
    {
        const int n = schema.associations.size();
        const int op = n == 0 ? 0 : rnd(3);
        if (op == 0) {
            const int at = rnd(n + 1);
            schema.associations.insert(at, randomAssociation(rnd, modelNames(schema), serial++));
            inc.associationInserted(schema, at);
            return QStringLiteral("insert association at %1").arg(at);
        }
        const int at = rnd(n);
        if (op == 1) {
            const Association removed = schema.associations.takeAt(at);
            inc.associationRemoved(schema, at, removed);
            return QStringLiteral("remove association at %1").arg(at);
        }
        const Association before = schema.associations[at];
        schema.associations[at] = randomAssociation(rnd, modelNames(schema), serial++);
        inc.associationChanged(schema, at, before);
        return QStringLiteral("change association at %1").arg(at);
    }

    QString edit()
    {
        const int kind = rnd(20);
        const int models = schema.models.size();
        if (kind < 9)
            return changeModel(rnd(models));
        if (kind < 11)
            return insertModel();
        if (kind < 13 && models > 4)
            return removeModel(rnd(models));
        if (kind == 13 && rnd(4) == 0) {
            schema.options.underscored = !schema.options.underscored.value_or(false);
            schema.hasOptions = true;
            inc.globalOptionsChanged(schema);
            return QStringLiteral("global underscored");
        }
        return editAssociation();
    }
};

QString problemText(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out << severityName(d.severity) + QLatin1String(": ") + d.toString();
    return out.join(QLatin1Char('\n'));
}

/// The first line where two fingerprints differ.
QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList e = expected.split(QLatin1Char('\n')), a = actual.split(QLatin1Char('\n'));
    for (int k = 0; k < std::max(e.size(), a.size()); ++k) {
        if (e.value(k) != a.value(k))
            return QStringLiteral("expected\n  %1\nactual\n  %2").arg(e.value(k), a.value(k));
    }
    return QString();
}

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomEditsMatchFullDerivation_data();
    void randomEditsMatchFullDerivation();
    void defineErrorFallsBackAndRecovers();
    void randomModelEditsMatchFullDerivation_data();
    void randomModelEditsMatchFullDerivation();
    void renameIsOneIncrementalUpdate();
    void modelEditRebuildsWhatReadsIt();
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
        schema.associations.append(randomAssociation(rnd, modelNames(schema), serial++));
    IncrementalDerivation inc(schema);
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
    int incremental = 0;
    for (int step = 0; step < 150; ++step) {
        const int n = schema.associations.size();
        const int op = n == 0 ? 0 : rnd(3);
        QString what;
        if (op == 0) {
            const int at = rnd(n + 1);
            schema.associations.insert(at, randomAssociation(rnd, modelNames(schema), serial++));
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
            schema.associations[at] = randomAssociation(rnd, modelNames(schema), serial++);
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

void TestIncremental::randomModelEditsMatchFullDerivation_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 16; ++seed)
        QTest::newRow(qPrintable(QString::number(seed))) << seed;
}

void TestIncremental::randomModelEditsMatchFullDerivation()
{
    QFETCH(quint32, seed);
    Rng rnd{seed * 7919u};
    Schema schema = generated(12);
    for (int i = 0; i < 20; ++i)
        schema.associations.append(randomAssociation(rnd, modelNames(schema), i));
    IncrementalDerivation inc(schema);
    ModelEditor editor{schema, inc, rnd, 100, seed % 4 == 0};
    Lint lint; // the editor's problems, kept across edits
    lint.reset(schema, inc.derived(), analyse(inc.derived()), false);
    const int steps = 200;
    int incremental = 0, eligible = 0;
    for (int step = 0; step < steps; ++step) {
        const bool wasValid = !inc.derived().error;
        QHash<QString, QString> before;
        for (const DerivedTable &t : inc.derived().tables)
            before.insert(t.model, tableText(t));
        // Most edits make one change; some several (read once at the end).
        QStringList what;
        const int edits = rnd(4) == 0 ? 2 + rnd(2) : 1;
        for (int e = 0; e < edits; ++e)
            what << editor.edit();
        const QString diff =
            firstDifference(fingerprint(derive(schema)), fingerprint(inc.derived()));
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("step %1 (%2): %3")
                                 .arg(step)
                                 .arg(what.join(QLatin1String(", ")), diff)));
        eligible += wasValid && !inc.derived().error ? 1 : 0;
        if (inc.lastUpdateWasIncremental()) {
            ++incremental;
            // What the views repaint: every table not listed must be as it was.
            const QVector<int> rebuilt = inc.lastRebuiltTables();
            const DerivedSchema &d = inc.derived();
            for (int t = 0; t < d.tables.size(); ++t) {
                if (!rebuilt.contains(t) &&
                    before.value(d.tables[t].model) != tableText(d.tables[t]))
                    QFAIL(qPrintable(QStringLiteral("step %1 (%2): table %3 changed, not listed")
                                         .arg(step)
                                         .arg(what.join(QLatin1String(", ")), d.tables[t].table)));
            }
        }
        // The problems the editor keeps across edits (Lint) follow them exactly.
        const DerivedSchema full = derive(schema);
        const Analysis analysis = analyse(full);
        if (inc.lastUpdateWasIncremental())
            lint.update(schema, inc.derived(), analysis, false, inc.lastRebuiltTables());
        else
            lint.reset(schema, inc.derived(), analysis, false);
        const QString lintDiff = firstDifference(
            problemText(checkSchema(schema, full, analysis, false)), problemText(lint.problems()));
        if (!lintDiff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("step %1 (%2), problems: %3")
                                 .arg(step)
                                 .arg(what.join(QLatin1String(", ")), lintDiff)));
    }
    // Random edits make define errors now and then (an attribute named id, duplicate
    // aliases), which replay everything until fixed; most other edits must take the
    // incremental path (global options and models used as junctions do not).
    if (editor.junctionNames)
        return;
    QVERIFY2(incremental > eligible * 3 / 4,
             qPrintable(QStringLiteral("%1 of %2").arg(incremental).arg(eligible)));
}

namespace {

Schema userAndPictures()
{
    Schema schema = generated(3);
    schema.models[0].name = QStringLiteral("User");
    schema.models[1].name = QStringLiteral("Picture");
    Association hasMany;
    hasMany.type = AssociationType::HasMany;
    hasMany.source = QStringLiteral("User");
    hasMany.target = QStringLiteral("Picture");
    Association profile;
    profile.type = AssociationType::BelongsTo;
    profile.source = QStringLiteral("User");
    profile.target = QStringLiteral("Picture");
    profile.as.kind = AliasSpec::Kind::String;
    profile.as.name = QStringLiteral("ProfilePicture");
    profile.constraints = false;
    schema.associations << hasMany << profile;
    return schema;
}

} // namespace

void TestIncremental::renameIsOneIncrementalUpdate()
{
    // Renaming User rewrites both associations; the calls come one by one and the
    // result is read once: Pictures gets PersonId, Persons its new accessors.
    Schema schema = userAndPictures();
    IncrementalDerivation inc(schema);
    const Model before = schema.models[0];
    schema.models[0].name = QStringLiteral("Person");
    for (int i = 0; i < schema.associations.size(); ++i) {
        const Association was = schema.associations[i];
        schema.associations[i].source = QStringLiteral("Person");
        inc.associationChanged(schema, i, was);
    }
    inc.modelChanged(schema, 0, before);
    QVERIFY(inc.lastUpdateWasIncremental());
    const DerivedSchema &d = inc.derived();
    QCOMPARE(fingerprint(d), fingerprint(derive(schema)));
    const int pictures = d.tableIndexByModel(QStringLiteral("Picture"));
    QVERIFY(d.tables[pictures].columnIndexByAttribute(QStringLiteral("PersonId")) >= 0);
    QCOMPARE(d.tableIndexByModel(QStringLiteral("User")), -1);
    QCOMPARE(d.tables[d.tableIndexByName(QStringLiteral("People"))].model,
             QStringLiteral("Person"));
    QCOMPARE(inc.lastRebuiltTables(), (QVector<int>{0, 1}));
}

void TestIncremental::modelEditRebuildsWhatReadsIt()
{
    Schema schema = userAndPictures();
    IncrementalDerivation inc(schema);
    // A comment on User's title: only User's table is rebuilt.
    Model before = schema.models[0];
    schema.models[0].attributes[0].comment = QStringLiteral("shown on the profile");
    inc.modelChanged(schema, 0, before);
    QVERIFY(inc.lastUpdateWasIncremental());
    QCOMPARE(inc.lastRebuiltTables(), (QVector<int>{0}));
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
    // A key of another type on Picture: User's ProfilePictureId follows it.
    before = schema.models[1];
    Attribute key;
    key.name = QStringLiteral("uuid");
    key.type = DataType(QStringLiteral("UUID"));
    key.primaryKey = true;
    schema.models[1].attributes.prepend(key);
    inc.modelChanged(schema, 1, before);
    QVERIFY(inc.lastUpdateWasIncremental());
    QCOMPARE(inc.lastRebuiltTables(), (QVector<int>{0, 1}));
    const DerivedTable &users = inc.derived().tables[0];
    QCOMPARE(users.columns[users.columnIndexByAttribute(QStringLiteral("ProfilePictureUuid"))]
                 .type.name(),
             QStringLiteral("UUID"));
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
    // A model inserted before them: their tables move one down, unchanged.
    schema.models.prepend(randomModel(*std::make_unique<Rng>(Rng{3}), QStringLiteral("Tag")));
    inc.modelInserted(schema, 0);
    QVERIFY(inc.lastUpdateWasIncremental());
    QCOMPARE(inc.lastRebuiltTables(), (QVector<int>{0}));
    QCOMPARE(inc.derived().tables[1].modelIndex, 1);
    QCOMPARE(fingerprint(inc.derived()), fingerprint(derive(schema)));
}

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
