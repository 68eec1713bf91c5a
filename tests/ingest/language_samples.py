"""Sentences to measure language detection on: news sentences written for these tests in
each of the ten languages dateline meets most (short: one sentence; long: a paragraph),
and English texts, some full of foreign names. (language, kind, text)."""

from __future__ import annotations

SAMPLES: list[tuple[str, str, str]] = [
    # French
    (
        "fr",
        "short",
        "Le président a annoncé le 13 septembre 2013 un accord sur les armes chimiques.",
    ),
    (
        "fr",
        "short",
        "Les négociations reprendront la semaine prochaine à Genève, selon le ministre.",
    ),
    ("fr", "short", "Selon la police, il n'y a pas eu de blessés lors de l'incendie."),
    (
        "fr",
        "long",
        "Le gouvernement syrien a accepté vendredi de remettre son arsenal chimique à "
        "la communauté internationale. Selon le ministre des Affaires étrangères, cette décision "
        "a été prise après plusieurs jours de discussions avec la Russie. Les inspecteurs de "
        "l'ONU devraient arriver à Damas dans les prochains jours pour commencer leur travail, "
        "qui pourrait durer plusieurs mois. Les États-Unis ont salué un premier pas, mais ils "
        "restent prudents.",
    ),
    # Spanish
    ("es", "short", "El presidente anunció ayer que las elecciones se celebrarán en marzo."),
    (
        "es",
        "short",
        "Según la policía, el incendio comenzó durante la noche en el centro de la ciudad.",
    ),
    ("es", "short", "Los ministros se reunieron en Madrid para hablar de la crisis económica."),
    (
        "es",
        "long",
        "El Gobierno de Egipto declaró el estado de emergencia tras una jornada de "
        "violencia en la que murieron decenas de personas. Los manifestantes, que exigen la "
        "liberación del expresidente, se concentraron en varias plazas de El Cairo. Según el "
        "Ministerio de Salud, más de doscientas personas resultaron heridas. La Unión Europea "
        "pidió a todas las partes que eviten una nueva escalada.",
    ),
    # German
    ("de", "short", "Die Regierung hat am Montag neue Maßnahmen gegen die Krise beschlossen."),
    ("de", "short", "Nach Angaben der Polizei wurden bei dem Unfall drei Menschen verletzt."),
    (
        "de",
        "short",
        "Der Minister sagte, dass die Gespräche in der nächsten Woche fortgesetzt werden.",
    ),
    (
        "de",
        "long",
        "Die Bundesregierung will die Hilfe für die Flüchtlinge aus Syrien deutlich "
        "aufstocken. Wie das Auswärtige Amt am Dienstag mitteilte, sollen weitere 50 Millionen "
        "Euro zur Verfügung gestellt werden. Die Lage in den Lagern an der Grenze zur Türkei sei "
        "dramatisch, sagte ein Sprecher. Hilfsorganisationen warnen seit Wochen vor dem Winter, "
        "der die Versorgung der Menschen noch schwieriger machen werde.",
    ),
    # Italian
    ("it", "short", "Il governo ha approvato ieri sera il decreto sulla riforma delle pensioni."),
    ("it", "short", "Secondo la polizia, l'incendio è scoppiato nella notte in un deposito."),
    ("it", "short", "Il ministro ha detto che la situazione è sotto controllo."),
    (
        "it",
        "long",
        "La Banca centrale europea ha deciso di lasciare invariati i tassi di "
        "interesse, come previsto dalla maggior parte degli analisti. Il presidente della banca "
        "ha spiegato che la ripresa resta debole e che l'inflazione è ancora lontana "
        "dall'obiettivo. I mercati hanno reagito con cautela: la Borsa di Milano ha chiuso in "
        "leggero calo, mentre lo spread è rimasto stabile.",
    ),
    # Portuguese
    ("pt", "short", "O governo anunciou ontem um novo pacote de medidas para a economia."),
    ("pt", "short", "Segundo a polícia, o acidente aconteceu durante a madrugada na estrada."),
    ("pt", "short", "Os ministros vão se reunir em Lisboa na próxima semana."),
    (
        "pt",
        "long",
        "A epidemia de gripe já causou mais de cem mortes no país, segundo os "
        "dados divulgados nesta quarta-feira pelo Ministério da Saúde. As autoridades "
        "recomendam que as pessoas com sintomas procurem um médico e evitem locais com muita "
        "gente. A vacinação dos grupos de risco começa na próxima segunda-feira em todos os "
        "estados, e o governo diz que há doses suficientes.",
    ),
    # Dutch
    ("nl", "short", "De regering heeft dinsdag nieuwe maatregelen tegen de crisis aangekondigd."),
    ("nl", "short", "Volgens de politie zijn er bij het ongeluk drie mensen gewond geraakt."),
    ("nl", "short", "De minister zei dat de gesprekken volgende week worden voortgezet."),
    (
        "nl",
        "long",
        "Het kabinet wil de komende jaren fors bezuinigen op de zorg. Dat maakte de "
        "minister van Financiën woensdag bekend. Volgens het plan moeten de kosten in vier jaar "
        "met enkele miljarden euro's dalen. De oppositie noemt de plannen onverantwoord en wil "
        "dat de Tweede Kamer er nog deze maand over debatteert.",
    ),
    # Russian
    ("ru", "short", "Президент заявил, что переговоры продолжатся на следующей неделе."),
    ("ru", "short", "По данным полиции, в результате аварии пострадали три человека."),
    (
        "ru",
        "long",
        "Министр иностранных дел России провёл в понедельник переговоры со своим "
        "американским коллегой. Стороны обсудили ситуацию в Сирии и подготовку международной "
        "конференции в Женеве. По словам министра, Москва и Вашингтон согласны в том, что "
        "политическое решение конфликта не имеет альтернативы.",
    ),
    # Arabic
    ("ar", "short", "أعلن الرئيس أن المفاوضات ستستأنف الأسبوع المقبل في جنيف."),
    ("ar", "short", "قالت الشرطة إن ثلاثة أشخاص أصيبوا في الحادث."),
    (
        "ar",
        "long",
        "قال وزير الخارجية إن الحكومة مستعدة للمشاركة في مؤتمر السلام الدولي، "
        "مضيفا أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة. وأكد أن بلاده ستواصل العمل مع "
        "الأمم المتحدة من أجل وقف إطلاق النار وإيصال المساعدات الإنسانية إلى المدنيين.",
    ),
    # Chinese
    ("zh", "short", "总统宣布谈判将于下周在日内瓦恢复。"),
    ("zh", "short", "据警方称，事故造成三人受伤。"),
    (
        "zh",
        "long",
        "外交部发言人周一表示，中国支持通过政治途径解决叙利亚问题，并呼吁各方保持"
        "克制。他说，国际社会应当尊重叙利亚人民的意愿，避免采取可能导致局势进一步恶化的行动。",
    ),
    # Turkish
    ("tr", "short", "Bakan, görüşmelerin gelecek hafta devam edeceğini söyledi."),
    ("tr", "short", "Polisin açıklamasına göre kazada üç kişi yaralandı ve hastaneye kaldırıldı."),
    (
        "tr",
        "long",
        "Hükümet, ekonomik kriz nedeniyle yeni bir destek paketi açıkladı. Maliye "
        "Bakanı, paketin özellikle küçük işletmeler için hazırlandığını ve bu yıl içinde "
        "uygulanacağını söyledi. Muhalefet ise önlemlerin yetersiz olduğunu ve daha çok "
        "vatandaşa ulaşması gerektiğini savundu.",
    ),
    # Vietnamese
    ("vi", "short", "Bộ trưởng cho biết các cuộc đàm phán sẽ tiếp tục vào tuần tới."),
    (
        "vi",
        "long",
        "Tổ chức Y tế Thế giới đã nâng mức báo động về dịch cúm lên mức cao nhất. "
        "Theo các chuyên gia, virus đã lan ra nhiều nước và số người mắc bệnh đang tăng nhanh. "
        "Chính phủ Việt Nam cũng đã triển khai các biện pháp phòng chống tại sân bay.",
    ),
    # English, plain
    ("en", "short", "The president said on Monday that talks would resume next week."),
    ("en", "short", "Police said three people were injured in the crash on the motorway."),
    ("en", "short", "Ministers met in Geneva to discuss the peace plan."),
    (
        "en",
        "long",
        "The central bank left interest rates unchanged on Thursday, as most "
        "economists had expected. Its governor said the recovery was still fragile and that "
        "inflation would stay below target for most of the year. Markets were calm after the "
        "announcement, and the currency barely moved against the dollar.",
    ),
    # English, full of names
    ("en", "names", "Sergei Lavrov and John Kerry met Lakhdar Brahimi in Geneva."),
    (
        "en",
        "names",
        "Mohamed Morsi, Hosni Mubarak and Abdel Fattah el-Sisi dominated Cairo "
        "headlines as the Muslim Brotherhood and Tamarod rallied in Tahrir Square.",
    ),
    (
        "en",
        "names",
        "Ban Ki-moon thanked Vladimir Putin, Bashar al-Assad's envoy Bashar "
        "Jaafari, Walid Muallem and Ahmad Jarba of the Syrian National Coalition.",
    ),
    (
        "en",
        "names",
        "Jean-Claude Juncker, José Manuel Barroso, Angela Merkel and François "
        "Hollande met in Bruxelles with Mario Draghi of the Banca d'Italia.",
    ),
    (
        "en",
        "names",
        "Los Angeles County coroner Ed Winter said Conrad Murray, Michael "
        "Jackson's doctor, gave the singer propofol at his Holmby Hills home.",
    ),
]
