#include "benchedits.h"

#include "rules/analysis.h"
#include "rules/incremental.h"
#include "rules/lint.h"

#include <QElapsedTimer>

#include <algorithm>
#include <functional>
#include <map>
#include <string>

namespace mc {

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

/// Times of one edit kind: the derivation (the replay runs at the first read of
/// the result) and the analysis after it.
struct EditTimes
{
    QVector<double> derive, analyse, lint;
    bool incremental = true;
    int rebuilt = 0;
};

class EditBench
{
public:
    EditBench(Schema &schema, bool verify) : m_schema(schema), m_inc(schema), m_verify(verify)
    {
        m_lint.reset(schema, m_inc.derived(), analyse(m_inc.derived()), false);
    }

    void time(const char *kind, const std::function<void(Schema &, IncrementalDerivation &)> &edit)
    {
        if (!m_times.count(kind))
            m_order << kind;
        EditTimes &t = m_times[kind];
        QElapsedTimer timer;
        timer.start();
        edit(m_schema, m_inc);
        const DerivedSchema &d = m_inc.derived();
        t.derive << ms(timer.nsecsElapsed());
        timer.restart();
        const Analysis a = analyse(d);
        t.analyse << ms(timer.nsecsElapsed());
        timer.restart();
        t.incremental = t.incremental && m_inc.lastUpdateWasIncremental();
        if (t.incremental)
            m_lint.update(m_schema, d, a, false, m_inc.lastRebuiltTables());
        else
            m_lint.reset(m_schema, d, a, false);
        t.lint << ms(timer.nsecsElapsed());
        t.rebuilt = m_inc.lastRebuiltTables().size();
        if (m_verify)
            check(kind, d, a);
    }

    /// Lint's problems must be checkSchema()'s, entry for entry.
    void check(const char *kind, const DerivedSchema &d, const Analysis &a)
    {
        const Diagnostics expected = checkSchema(m_schema, d, a, false);
        const Diagnostics &got = m_lint.problems();
        int first = -1;
        for (int i = 0; i < std::max(expected.size(), got.size()) && first < 0; ++i) {
            if (i >= expected.size() || i >= got.size() ||
                expected[i].severity != got[i].severity || expected[i].path != got[i].path ||
                expected[i].message != got[i].message)
                first = i;
        }
        if (first >= 0)
            m_mismatches << QStringLiteral(
                                "%1: %2 problems, checkSchema %3, first difference at %4")
                                .arg(QLatin1String(kind))
                                .arg(got.size())
                                .arg(expected.size())
                                .arg(first);
        ++m_checked;
    }

    void print(QTextStream &out)
    {
        if (m_verify)
            out << QString::asprintf("verified %d edits against checkSchema: %lld differ\n",
                                     m_checked, qlonglong(m_mismatches.size()));
        for (const QString &m : std::as_const(m_mismatches))
            out << "  MISMATCH " << m << "\n";
        for (const char *kind : std::as_const(m_order)) {
            const EditTimes &t = m_times[kind];
            QVector<double> all;
            for (int i = 0; i < t.derive.size(); ++i)
                all << t.derive[i] + t.analyse[i] + t.lint[i];
            out << QString::asprintf(
                "  %-34s %6.2f ms  (derive %5.2f + analyse %4.2f + lint %5.2f)  %s\n", kind,
                median(all), median(t.derive), median(t.analyse), median(t.lint),
                t.incremental ? qPrintable(QStringLiteral("%1 tables rebuilt").arg(t.rebuilt))
                              : "full replay");
        }
    }

private:
    Schema &m_schema;
    IncrementalDerivation m_inc;
    Lint m_lint;
    bool m_verify = false;
    int m_checked = 0;
    QStringList m_mismatches;
    QVector<const char *> m_order;
    std::map<std::string, EditTimes> m_times;
};

bool names(const Association &a, const QString &model)
{
    return a.source == model || a.target == model || a.through == model;
}

void renameModel(Schema &s, IncrementalDerivation &inc, int index, const QString &name)
{
    // As the document does it: the associations naming it are rewritten in the same step.
    const Model before = s.models[index];
    s.models[index].name = name;
    inc.modelChanged(s, index, before);
    for (int i = 0; i < s.associations.size(); ++i) {
        Association &a = s.associations[i];
        if (!names(a, before.name))
            continue;
        const Association was = a;
        if (a.source == before.name)
            a.source = name;
        if (a.target == before.name)
            a.target = name;
        inc.associationChanged(s, i, was);
    }
}

void changeModel(Schema &s, IncrementalDerivation &inc, int index,
                 const std::function<void(Model &)> &change)
{
    const Model before = s.models[index];
    change(s.models[index]);
    inc.modelChanged(s, index, before);
}

void toggle(std::optional<bool> &v, bool on)
{
    v = on ? std::optional<bool>(!v.value_or(false)) : std::optional<bool>();
}

void associationEdits(EditBench &bench, Schema &schema, int r)
{
    Q_UNUSED(r);
    Association extra;
    extra.type = AssociationType::BelongsTo;
    extra.source = schema.models.last().name;
    extra.target = schema.models.first().name;
    extra.as.kind = AliasSpec::Kind::String;
    extra.as.name = QStringLiteral("BenchEdit");
    const int at = schema.associations.size() / 2;
    bench.time("insert association (middle)", [&](Schema &s, IncrementalDerivation &inc) {
        s.associations.insert(at, extra);
        inc.associationInserted(s, at);
    });
    bench.time("change association", [&](Schema &s, IncrementalDerivation &inc) {
        const Association before = s.associations[at];
        s.associations[at].constraints = false;
        inc.associationChanged(s, at, before);
    });
    bench.time("remove association (middle)", [&](Schema &s, IncrementalDerivation &inc) {
        const Association removed = s.associations.takeAt(at);
        inc.associationRemoved(s, at, removed);
    });
    // Drawn on the canvas: appended, so no other association moves.
    bench.time("append association", [&](Schema &s, IncrementalDerivation &inc) {
        s.associations.append(extra);
        inc.associationInserted(s, s.associations.size() - 1);
    });
    bench.time("remove last association", [&](Schema &s, IncrementalDerivation &inc) {
        const Association removed = s.associations.takeLast();
        inc.associationRemoved(s, s.associations.size(), removed);
    });
}

void modelEdits(EditBench &bench, Schema &schema)
{
    const int mid = schema.models.size() / 2;
    const int keyed = mid - mid % 50 + 7; // the generator gives these a STRING(20) key
    Model fresh;
    fresh.name = QStringLiteral("BenchModel");
    Attribute title;
    title.name = QStringLiteral("title");
    title.type = DataType(QStringLiteral("STRING"));
    fresh.attributes << title;
    bench.time("insert model (middle)", [&](Schema &s, IncrementalDerivation &inc) {
        s.models.insert(mid, fresh);
        inc.modelInserted(s, mid);
    });
    bench.time("remove model (middle)", [&](Schema &s, IncrementalDerivation &inc) {
        const Model removed = s.models.takeAt(mid);
        inc.modelRemoved(s, mid, removed);
    });
    bench.time("append model", [&](Schema &s, IncrementalDerivation &inc) {
        s.models.append(fresh);
        inc.modelInserted(s, s.models.size() - 1);
    });
    bench.time("remove last model", [&](Schema &s, IncrementalDerivation &inc) {
        const Model removed = s.models.takeLast();
        inc.modelRemoved(s, s.models.size(), removed);
    });
    bench.time("add attribute", [&](Schema &s, IncrementalDerivation &inc) {
        changeModel(s, inc, mid, [&](Model &m) { m.attributes << title; });
    });
    bench.time("remove attribute", [&](Schema &s, IncrementalDerivation &inc) {
        changeModel(s, inc, mid, [](Model &m) { m.attributes.removeLast(); });
    });
    bench.time("attribute comment", [&](Schema &s, IncrementalDerivation &inc) {
        changeModel(s, inc, mid, [](Model &m) {
            m.attributes[0].comment =
                m.attributes[0].comment ? std::optional<QString>() : QStringLiteral("bench");
        });
    });
    bench.time("primary key type", [&](Schema &s, IncrementalDerivation &inc) {
        changeModel(s, inc, keyed, [](Model &m) {
            const bool wide = m.attributes[0].type->args().size() == 1 &&
                              m.attributes[0].type->args()[0].text == QLatin1String("30");
            m.attributes[0].type =
                DataType::parse(wide ? QStringLiteral("STRING(20)") : QStringLiteral("STRING(30)"));
        });
    });
    bench.time("table name", [&](Schema &s, IncrementalDerivation &inc) {
        changeModel(s, inc, mid, [](Model &m) {
            m.tableName = m.tableName ? std::optional<QString>() : QStringLiteral("bench_table");
        });
    });
    std::optional<bool> ModelOptions::*const options[] = {
        &ModelOptions::underscored, &ModelOptions::timestamps, &ModelOptions::freezeTableName,
        &ModelOptions::paranoid};
    const bool changed[] = {true, false, true, true}; // not Sequelize's default
    const char *const optionNames[] = {"option underscored", "option timestamps",
                                       "option freezeTableName", "option paranoid"};
    for (int k = 0; k < 4; ++k) {
        bench.time(optionNames[k], [&](Schema &s, IncrementalDerivation &inc) {
            changeModel(s, inc, mid, [&](Model &m) {
                m.hasOptions = true;
                std::optional<bool> &v = m.options.*options[k];
                v = v ? std::optional<bool>() : std::optional<bool>(changed[k]);
            });
        });
    }
    bench.time("rename model (+ its associations)", [&](Schema &s, IncrementalDerivation &inc) {
        const QString name = s.models[mid].name;
        renameModel(s, inc, mid,
                    name.endsWith(QLatin1String("Renamed")) ? name.chopped(7)
                                                            : name + QStringLiteral("Renamed"));
    });
}

void deleteEdits(EditBench &bench, Schema &schema)
{
    // Delete a model with its associations (one step), then undo it.
    const int mid = schema.models.size() / 2 + 3;
    Model model;
    QVector<QPair<int, Association>> removed;
    bench.time("delete model + its associations", [&](Schema &s, IncrementalDerivation &inc) {
        const QString name = s.models[mid].name;
        for (int i = s.associations.size() - 1; i >= 0; --i) {
            if (!names(s.associations[i], name))
                continue;
            removed.prepend({i, s.associations.takeAt(i)});
            inc.associationRemoved(s, i, removed.first().second);
        }
        model = s.models.takeAt(mid);
        inc.modelRemoved(s, mid, model);
    });
    bench.time("undo that delete", [&](Schema &s, IncrementalDerivation &inc) {
        s.models.insert(mid, model);
        inc.modelInserted(s, mid);
        for (const auto &r : std::as_const(removed)) {
            s.associations.insert(r.first, r.second);
            inc.associationInserted(s, r.first);
        }
        removed.clear();
    });
}

} // namespace

void benchEdits(Schema &schema, int runs, QTextStream &out, bool verify)
{
    EditBench bench(schema, verify);
    for (int r = 0; r < runs; ++r) {
        associationEdits(bench, schema, r);
        modelEdits(bench, schema);
        deleteEdits(bench, schema);
    }
    for (int r = 0; r < std::min(runs, 3); ++r) {
        bench.time("global option (full replay)", [](Schema &s, IncrementalDerivation &inc) {
            toggle(s.options.paranoid, true);
            inc.globalOptionsChanged(s);
        });
    }
    out << QString::asprintf("one edit on %lld models, median of %d (incremental derivation, "
                             "analysis, and the problems kept by Lint):\n",
                             qlonglong(schema.models.size()), runs);
    bench.print(out);
}

void benchLint(const Schema &schema, int runs, QTextStream &out)
{
    const DerivedSchema derived = derive(schema);
    const Analysis analysis = analyse(derived);
    QVector<double> times;
    qsizetype problems = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        problems = checkSchema(schema, derived, analysis, false).size();
        times << ms(t.nsecsElapsed());
    }
    out << QString::asprintf("checkSchema on %lld models: %.2f ms (median of %d, %lld problems)\n",
                             qlonglong(schema.models.size()), median(times), runs,
                             qlonglong(problems));
}

} // namespace mc
