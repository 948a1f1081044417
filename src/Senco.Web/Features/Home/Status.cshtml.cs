using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Senco.Web.Features.Home;

public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
