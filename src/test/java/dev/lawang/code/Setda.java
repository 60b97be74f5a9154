package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.util.ArrayList;
import java.util.List;

/** The Sragen regional secretariat complex and its 14 units, plus a larger made-up set of 64 Sragen agencies. */
final class Setda {
    static final SiteId SITE = SiteId.of("setda-complex");

    static final List<AgencyId> UNITS = ids(
            "dpmptsp", "bpkpd", "bappeda-litbang", "diskominfo", "bagian-umum", "bagian-hukum", "bagian-organisasi",
            "bagian-perekonomian", "bagian-pemerintahan", "bagian-kesejahteraan-rakyat",
            "bagian-pengadaan-barang-dan-jasa", "bagian-protokol-dan-komunikasi-pimpinan",
            "bagian-administrasi-pembangunan", "bagian-perencanaan-dan-keuangan");

    private static final List<String> KECAMATAN = List.of(
            "sragen", "gemolong", "masaran", "sidoharjo", "karangmalang", "tangen", "gesi", "sukodono",
            "sambungmacan", "ngrampal", "kedawung", "sambirejo", "gondang", "plupuh", "tanon", "sumberlawang",
            "miri", "jenar", "mondokan", "kalijambe");

    /** 14 Setda units, 20 sub-district offices, 25 health centres and 5 more agencies: 64 real-looking slugs. */
    static final List<AgencyId> SIXTY_FOUR = sixtyFour();

    private Setda() {}

    private static List<AgencyId> sixtyFour() {
        List<AgencyId> out = new ArrayList<>(UNITS);
        KECAMATAN.forEach(k -> out.add(AgencyId.of("kecamatan-" + k)));
        KECAMATAN.forEach(k -> out.add(AgencyId.of("puskesmas-" + k)));
        for (String k : List.of("sragen-2", "gemolong-2", "masaran-2", "sidoharjo-2", "tangen-2")) {
            out.add(AgencyId.of("puskesmas-" + k));
        }
        out.addAll(ids("dinas-kependudukan-dan-pencatatan-sipil", "dinas-kesehatan", "rsud-sragen",
                "kejaksaan-negeri-sragen", "rumah-dinas-bupati"));
        return List.copyOf(out);
    }

    private static List<AgencyId> ids(String... slugs) {
        List<AgencyId> out = new ArrayList<>();
        for (String s : slugs) {
            out.add(AgencyId.of(s));
        }
        return List.copyOf(out);
    }
}
