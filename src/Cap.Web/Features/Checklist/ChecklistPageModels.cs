using Cap.Domain.Checklist;

namespace Cap.Web.Features.Checklist;

/// <summary>What the <c>_Assessment</c> partial shows: one assessment, and Cap's evidence of today when given.</summary>
public sealed record AssessmentDisplay(AssessmentView View, string Slug, IReadOnlyDictionary<string, ChecklistEvidence>? Evidence);
