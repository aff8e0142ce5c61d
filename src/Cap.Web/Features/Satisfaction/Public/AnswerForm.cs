using Cap.Domain.Satisfaction;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>The public form's fields, as posted by a browser.</summary>
public sealed class AnswerForm
{
    public int? Experience { get; set; }
    public int? Clarity { get; set; }
    public List<int> HelpChannels { get; set; } = [];
    /// <summary>1 yes, 0 no.</summary>
    public int? Reached { get; set; }
    public int? HelpQuality { get; set; }
    public string? Comment { get; set; }

    /// <summary>Honeypot: hidden from people, filled by robots; a filled one stores nothing.</summary>
    public string? Website { get; set; }

    /// <summary>Drawn when the form is shown: a resubmission of the same page (double click, back and resend) stores one answer.</summary>
    public string? SubmissionKey { get; set; }

    public AnswerInput ToInput() => new(
        Experience,
        Clarity,
        HelpChannels.Aggregate(Domain.Satisfaction.HelpChannels.None, (all, c) => all | (Domain.Satisfaction.HelpChannels)c),
        Reached switch { 1 => true, 0 => false, _ => null },
        HelpQuality,
        Comment,
        SubmissionKey);

    /// <summary>The rules' errors, beside the form's fields and in French.</summary>
    public static void AddErrors(ModelStateDictionary state, Dictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            var key = field switch
            {
                "experience" => "Input.Experience",
                "clarity" => "Input.Clarity",
                "helpChannels" => "Input.HelpChannels",
                "helpQuality" => "Input.HelpQuality",
                "comment" => "Input.Comment",
                _ => string.Empty,
            };
            state.AddModelError(key, field == "experience" ? "Choisissez comment s’est passée votre démarche." : message);
        }
    }
}
