#!/usr/bin/env python3
"""Writes a synthetic PRO-ACT folder for the import benchmark: N subjects, 6 ALSFRS-R rows each
(about 1.02 points/month decline with spread), 4 FVC rows, death data and riluzole. Usage:
make-proact.py DIR [N] (default 10000). Fixed seed: the same N gives the same files."""
import csv, os, random, sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
os.makedirs(out, exist_ok=True)
rng = random.Random(19)
items = ["Q1_Speech", "Q2_Salivation", "Q3_Swallowing", "Q4_Handwriting", "Q5a_Cutting_without_Gastrostomy",
         "Q5b_Cutting_with_Gastrostomy", "Q5_Cutting", "Q6_Dressing_and_Hygiene", "Q7_Turning_in_Bed", "Q8_Walking",
         "Q9_Climbing_Stairs", "Q10_Respiratory", "R_1_Dyspnea", "R_2_Orthopnea", "R_3_Respiratory_Insufficiency"]
def w(name, header):
    f = open(os.path.join(out, name), "w", newline="")
    c = csv.writer(f); c.writerow(header); return f, c
files = {
    "d": w("PROACT_DEMOGRAPHICS.csv", ["subject_id", "Demographics_Delta", "Age", "Sex", "Race_Caucasian"]),
    "h": w("PROACT_ALSHISTORY.csv", ["subject_id", "Site_of_Onset", "Onset_Delta", "Diagnosis_Delta"]),
    "a": w("PROACT_ALSFRS.csv", ["subject_id", "ALSFRS_Delta"] + items + ["ALSFRS_Total", "ALSFRS_R_Total", "Mode_of_Administration", "ALSFRS_Responded_By"]),
    "f": w("PROACT_FVC.csv", ["subject_id", "Forced_Vital_Capacity_Delta", "Subject_Liters_Trial_1", "pct_of_Normal_Trial_1",
                              "Subject_Liters_Trial_2", "pct_of_Normal_Trial_2", "Subject_Liters_Trial_3", "pct_of_Normal_Trial_3"]),
    "x": w("PROACT_DEATHDATA.csv", ["subject_id", "Subject_Died", "Death_Days"]),
    "r": w("PROACT_RILUZOLE.csv", ["subject_id", "Subject_used_Riluzole", "Riluzole_use_Delta"]),
}
for s in range(1, n + 1):
    sid = str(100000 + s)
    files["d"][1].writerow([sid, 0, round(rng.gauss(56, 11), 1), rng.choice(["Male", "Female"]), 1])
    onset = -rng.randint(200, 900)
    files["h"][1].writerow([sid, rng.choice(["Onset: Limb", "Onset: Limb", "Onset: Bulbar"]), onset, onset + rng.randint(60, 180)])
    slope = max(0.0, rng.gauss(1.02, 0.57)) / 30.44
    base = rng.randint(30, 44)
    for k in range(6):
        day = k * 60
        total = max(0, round(base - slope * day))
        sc = [4] * 12
        deficit = 48 - total
        i = 0
        while deficit > 0:
            if sc[i % 12] > 0: sc[i % 12] -= 1; deficit -= 1
            i += 1
        row = sc[:4] + [sc[4], "", ""] + sc[5:9] + ["", sc[9], sc[10], sc[11]]
        files["a"][1].writerow([sid, day] + row + ["", total, "", ""])
    for k in range(4):
        pct = round(rng.gauss(85, 15) - k * 4, 1)
        files["f"][1].writerow([sid, k * 90, round(pct / 25, 2), pct, "", "", "", ""])
    died = rng.random() < 0.3
    files["x"][1].writerow([sid, "Yes" if died else "No", rng.randint(100, 700) if died else ""])
    files["r"][1].writerow([sid, rng.choice(["Yes", "No"]), 0])
for f, _ in files.values(): f.close()
