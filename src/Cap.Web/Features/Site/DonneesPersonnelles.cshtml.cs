using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Site;

[AllowAnonymous]
public sealed class DonneesPersonnellesModel : PageModel;
