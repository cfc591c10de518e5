#pragma once

#include "document/document.h"
#include "problemresolver.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;
class QTreeView;
class QVBoxLayout;

namespace mc {

class ProblemListModel;

/// The problems dock of the editor: the document's define error, FK cycles (with
/// the message Sequelize 6.19 gave) and lint, current after every edit. Clicking a
/// problem (or Enter on it) names its models and associations so the canvas can
/// select them; the current problem shows its whole message and one button per
/// quick fix (also in the context menu, Ctrl+. on the list), each an undoable
/// command on the document. The loader's problems of a file that failed to open
/// can be shown in its place until the document next changes.
class DocumentProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentProblemsPanel(Document *document, QWidget *parent = nullptr);

    /// Shows \a diagnostics (a file that could not be loaded) with \a caption
    /// above them, instead of the document's problems, until the document changes.
    void setDiagnostics(const Diagnostics &diagnostics, const QString &caption);
    /// Shows the document's problems again (also done on each edit and reset).
    void refresh();

    int count() const;
    int cycleCount() const;
    int errorCount() const;
    ProblemListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// What the problem in \a row names and the fixes it offers.
    ResolvedProblem problemAt(int row) const;
    /// Runs fix number \a fix of \a row; false when there is no such fix.
    bool applyFix(int row, int fix);
    /// The buttons of the current problem's quick fixes, in order.
    QVector<QPushButton *> fixButtons() const { return m_fixButtons; }

Q_SIGNALS:
    /// The user chose a problem: select and centre these on the canvas.
    void itemsActivated(const QVector<mc::ModelId> &models,
                        const QVector<mc::AssociationId> &associations);
    /// The same choice by JSON path (empty paths are not reported).
    void pathActivated(const QString &path);
    /// The number of problems changed (for the dock's title).
    void countChanged(int count);

private:
    void showRows(const Diagnostics &diagnostics, bool resolvable, const QString &caption);
    void activate(const QModelIndex &index);
    void updateDetails();
    void updateBanner(const QString &caption);
    void showFixMenu(const QPoint &viewportPos);
    void runFix(const QuickFix &fix);

    Document *m_document;
    ProblemListModel *m_model = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_cycleBanner = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_details = nullptr;
    QWidget *m_fixBox = nullptr;
    QVBoxLayout *m_fixLayout = nullptr;
    QVector<QPushButton *> m_fixButtons;
    QVector<QuickFix> m_shownFixes;
    bool m_external = false;
    int m_lastCount = -1;
};

} // namespace mc
