using System.Globalization;
using System.Text;
using System.Xml;

namespace Senco.Core.Exchange;

/// <summary>
/// Writes a Common Transfer File in the element order of send-facts.md §4: the header (DocumentName, CTFversion,
/// DateTime, DocumentQualifier, SupplierID, SourceSchool, DestSchool), then per pupil UPN, Surname, Forename, DOB,
/// Gender, BasicDetails (FormerUPN, NCyearActual, Languages), LookedAfter, FSMhistory and SENhistory (each SEN entry
/// with its StartDate and SENprovision, then the ranked SENneeds). UTF-8 without a byte-order mark.
/// </summary>
public static class CtfWriter
{
    public const string SupplierId = "Senco";

    public static byte[] Write(CtfFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = new MemoryStream();
        Write(file, stream);
        return stream.ToArray();
    }

    public static void Write(CtfFile file, Stream output)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", CloseOutput = false };
        using var w = XmlWriter.Create(output, settings);
        w.WriteStartDocument();
        w.WriteStartElement("CTfile");

        var h = file.Header;
        w.WriteStartElement("Header");
        w.WriteElementString("DocumentName", "Common Transfer File");
        w.WriteElementString("CTFversion", h.Version);
        w.WriteElementString("DateTime", h.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteElementString("DocumentQualifier", h.DocumentQualifier);
        w.WriteElementString("SupplierID", h.SupplierId ?? SupplierId);
        School(w, "SourceSchool", h.Source);
        School(w, "DestSchool", h.Destination);
        w.WriteEndElement();

        w.WriteStartElement("CTFpupilData");
        foreach (var p in file.Pupils) Pupil(w, p);
        w.WriteEndElement();

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void School(XmlWriter w, string name, CtfSchool s)
    {
        w.WriteStartElement(name);
        w.WriteElementString("LEA", s.Lea);
        w.WriteElementString("Estab", s.Estab);
        if (!string.IsNullOrEmpty(s.Urn)) w.WriteElementString("URN", s.Urn);
        if (!string.IsNullOrEmpty(s.Name)) w.WriteElementString("SchoolName", s.Name);
        if (s.AcademicYear is { } y) w.WriteElementString("AcademicYear", y.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void Pupil(XmlWriter w, CtfPupil p)
    {
        w.WriteStartElement("Pupil");
        w.WriteElementString("UPN", p.Upn);
        w.WriteElementString("Surname", p.Surname);
        w.WriteElementString("Forename", p.Forename);
        w.WriteElementString("DOB", Date(p.DateOfBirth));
        w.WriteElementString("Gender", p.Gender);

        w.WriteStartElement("BasicDetails");
        if (!string.IsNullOrEmpty(p.FormerUpn)) w.WriteElementString("FormerUPN", p.FormerUpn);
        if (!string.IsNullOrEmpty(p.NcYearActual)) w.WriteElementString("NCyearActual", p.NcYearActual);
        if (p.Languages.Count > 0)
        {
            w.WriteStartElement("Languages");
            foreach (var l in p.Languages)
            {
                w.WriteStartElement("Type");
                w.WriteElementString("LanguageType", l.Type);
                w.WriteElementString("Language", l.Code);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        if (p.LookedAfter is { } la)
        {
            w.WriteStartElement("LookedAfter");
            w.WriteElementString("InCare", la ? "true" : "false");
            w.WriteEndElement();
        }

        if (p.FsmHistory.Count > 0)
        {
            w.WriteStartElement("FSMhistory");
            foreach (var f in p.FsmHistory)
            {
                w.WriteStartElement("FSMinstance");
                w.WriteElementString("FSMstartDate", Date(f.Start));
                if (f.End is { } end) w.WriteElementString("FSMendDate", Date(end));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        if (p.SenHistory.Count > 0 || p.Needs.Count > 0)
        {
            w.WriteStartElement("SENhistory");
            foreach (var s in p.SenHistory)
            {
                w.WriteStartElement("SEN");
                w.WriteElementString("StartDate", Date(s.StartDate));
                w.WriteElementString("SENprovision", s.Provision);
                w.WriteEndElement();
            }
            if (p.Needs.Count > 0)
            {
                w.WriteStartElement("SENneeds");
                foreach (var n in p.Needs.OrderBy(n => n.Rank))
                {
                    w.WriteStartElement("SENneed");
                    w.WriteElementString("SENtypeRank", n.Rank.ToString(CultureInfo.InvariantCulture));
                    w.WriteElementString("SENtype", n.Type);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
