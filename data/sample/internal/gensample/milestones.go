package main

import "strings"

// milestoneRows is the sample logic-model tracker, built from the
// strategic plan's performance-measure tables (seed 000) for the state and
// the regions, with the plan's target dates — including its own
// "by 2/31/2020" — and a made-up record of progress up to the end of 2021.
// Central counts its targets from its own start date (+6m …).
// Fields: region | need | resource | task | term | outcome | target |
// status | completed on | notes.
var milestoneRows = strings.TrimSpace(`
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Short term|Gain commitments from housing and workforce development groups to strategize pathways to housing and work|by 6/2020|Complete|6/18/2020|
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Short term|Collaborate with local coalitions on housing and work advocacy|by 10/2020|Complete|11/20/2020|
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Short term|Identify 1-2 key needs for advocacy work|by 6/2020|Done|5/29/2020|
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Medium|Develop a workgroup with housing and workforce development to address policy and resource needs|12/2020|Complete|2/15/2021|
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Medium|Develop talking points for coalitions to support the workgroup efforts|by 12/2020|In progress||waiting on the workgroup's report
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Long-term|Propose policy interventions to earmark funds for transitional housing and shelter for adults and minors|12/2021|In progress||
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Long-term|Motivate coalitions to advocate to legislators and state policy makers to support shelter and transitional housing|by 12/2022|Ongoing||target revised at the 2021 review
State|housing|MO Housing Development Commission|Develop survivor friendly policies and pathways to housing security|Short term|Participate in the workgroup on housing and workforce|6/2020|Complete|7/10/2020|
State|housing|MO Housing Development Commission|Develop survivor friendly policies and pathways to housing security|Medium|Propose the policy and resource changes identified|6/2021|Not started||
State|housing|MO Workforce Development Board|Work with anti-trafficking providers to develop paths to gainful employment for survivors|Short term|Develop 1-2 key policies and resource strategies to address housing support for survivors|by 10/2020|Dropped||board reorganised
State|housing|HT Taskforce — Social Services committee|Develop the implementation strategy for the regional housing plan and funding for crisis housing|Ultimate|Accessible shelters and transitional housing for trafficking survivors||In progress||
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Short term|Convene a focus group to identify key barriers to accessing MH and SUD care and brainstorm solutions|by 1/31/2020|Complete|2/12/2020|
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Short term|Recruit a specialized workgroup to determine how existing resources may be used and to identify partners at the state level and in private industry|by 2/31/2020|Complete|3/5/2020|
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Medium|Determine the costs of additional services and create a proposal for funding|by 9/2020|Complete|10/30/2020|
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Medium|Develop the advocacy and funding plan and talking points with the workgroup|by 12/2020|In progress||
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Long-term|Prepare a proposal and talking points for private business leaders and foundations to bridge the gap in public funding|by 6/2021|In progress||
State|mh_sud|Statewide mental health providers and CATE|Expand access to trauma-informed MH and SUD care|Long-term|Develop a public relations campaign on MH and SUD needs among HT survivors|by 8/2021|Not started||
St. Louis|mental_health|Bridgeway, Safe Connections, Healing Action|Convene MH providers and caseworkers on barriers to care|Short term|Convene a focus group of MH providers, caseworkers and survivors on barriers to care|by 4/2020|Complete|4/22/2020|
St. Louis|mental_health|Webster University, UMSL counseling programs|Build sliding-fee and telehealth capacity|Medium|Partner with graduate counseling programs for sliding-fee and telehealth services|by 12/2020|Complete|3/1/2021|
St. Louis|mental_health|Webster University, UMSL counseling programs|Build sliding-fee and telehealth capacity|Long-term|Expand telehealth therapy capacity for HT survivors|by 12/2022|In progress||
St. Louis|legal_assistance|Legal Services of Eastern Missouri, Eastern District HT Taskforce|Form a legal advocacy network|Short term|Identify legal professionals serving HT survivors to form a legal advocacy network|by 6/2020|Complete|6/30/2020|
St. Louis|legal_assistance|St. Louis Bar Association|Expand pro bono defense|Medium|Recruit pro bono attorneys through the bar association and law schools|by 3/2021|In progress||
St. Louis|legal_assistance|Regional coalitions|Advocate for expunging survivors' records|Long-term|Energize a public advocacy campaign for expungement legislation|by 1/15/2022|In progress||
St. Louis|adult_shelter|Shelter working group (IPV, homeless and HT shelters)|Strategize a crisis shelter response protocol|Short term|Convene a shelter working group of IPV, homeless and HT shelter staff|by 8/2020|Complete|9/15/2020|
St. Louis|adult_shelter|Shelter working group (IPV, homeless and HT shelters)|Strategize a crisis shelter response protocol|Medium|Draft a crisis shelter response protocol|by 4/2021|Complete|4/20/2021|
St. Louis|adult_shelter|Shelter working group (IPV, homeless and HT shelters)|Strategize a crisis shelter response protocol|Long-term|Sign MOUs implementing the shelter protocol|by 10/2021|Not started||
Metro East|housing|Regional caseworkers and social workers|Identify barriers to accessing shelter and transitional housing|Short term|Convene regional caseworkers to identify key barriers to accessing shelter and brainstorm solutions|by 1/31/2020|Complete|1/28/2020|
Metro East|housing|Regional caseworkers and social workers|Develop an implementation strategy addressing the barriers identified|Short term|Develop a specialized workgroup with providers and area coalitions to determine how existing resources may be used or expanded|by 2/31/2020|In progress||
Metro East|housing|Regional caseworkers and social workers|Develop an implementation strategy addressing the barriers identified|Short term|Discuss regional buy-in for the Safe Shelter Collaborative|by 6/2020|Complete|8/1/2020|
Metro East|housing|Regional caseworkers and social workers|Develop an implementation strategy addressing the barriers identified|Medium|Develop the implementation plan and funding proposal for the Safe Shelter Collaborative|by 7/2020|In progress||
Metro East|housing|Area coalitions and providers|Advocate for shelter funding|Long-term|Motivate coalitions and providers to advocate for funding expansion for shelter and transitional housing|by 4/2021|Cancelled||merged with the statewide campaign
Metro East|housing|Area coalitions and providers|Advocate for shelter funding|Long-term|Prepare a proposal for industry, colleges and employment services to support housing independence|by 6/2021|Not started||
Metro East|crisis_services|Metro East crisis providers|Map crisis and MH providers|Short term|Identify mental health and crisis providers serving Metro East survivors|by 9/2020|Complete|9/1/2020|
Southeast|adult_shelter|Southeast shelters and coalitions|Improve access to existing shelter beds|Short term|Map shelter beds available to survivors in the region's towns|by 5/2020|Complete|5/20/2020|
Southeast|adult_shelter|Southeast shelters and coalitions|Improve access to existing shelter beds|Medium|Establish a transportation partnership to reach shelters from rural counties|by 12/2020|In progress||
Southeast|mental_health|Regional MH providers|Expand rural MH access|Short term|Recruit telehealth mental health providers for rural counties|by 8/2020|Complete|10/2/2020|
Southeast|sud_residential|Residential treatment programs|Improve SUD treatment access|Medium|Develop referral agreements with residential detox programs|by 6/2021|Complete|6/10/2021|
Southeast|sud_residential|Residential treatment programs|Improve SUD treatment access|Long-term|Expand detox beds available to trafficking survivors|by 12/2022|Not started||
Southwest|legal_assistance|Legal aid offices|Form a regional legal network|Short term|Identify legal aid offices in Joplin, Springfield, Cape Girardeau, Sikeston, Rolla and West Plains willing to serve HT survivors|by 1/31/2020|Complete|1/30/2020|
Southwest|mental_health|Regional MH providers and caseworkers|Identify barriers to MH care|Short term|Convene MH providers to identify key barriers to accessing MH in the region and brainstorm solutions|by 1/31/2020|Complete|3/2/2020|
Southwest|mental_health|Regional MH providers and caseworkers|Identify barriers to MH care|Short term|Recruit a specialized workgroup to determine how existing resources may be used|by 2/31/2020|Complete|4/15/2020|
Southwest|mental_health|Regional MH providers and caseworkers|Expand MH capacity|Medium|Provide MH services to individuals within the region remotely (telehealth)|by 7/2020|Complete|12/1/2020|
Southwest|mental_health|Colleges and universities|Expand MH capacity|Medium|Form partnerships with colleges that offer MH care through their psychology or social work programs|by 8/2020|In progress||
Southwest|minor_shelter|DJOs and Children's Division caseworkers|Identify barriers to shelter for trafficked minors|Short term|Convene DJOs and CD caseworkers to identify key barriers to accessing shelter for minors|by 1/31/2020|Complete|2/20/2020|
Southwest|minor_shelter|Regional shelters, colleges and employers|Support teens transitioning to adulthood|Short term|Develop a transitioning plan for teens leaving shelter|by 3/31/2020|Complete|6/1/2020|
Southwest|minor_shelter|Regional shelters, colleges and employers|Support teens transitioning to adulthood|Medium|Develop an implementation plan for maximizing existing shelter resources for minors|by 5/2020|In progress||
Southwest|minor_shelter|Regional shelters, colleges and employers|Support teens transitioning to adulthood|Long-term|Develop a public relations campaign to bridge funding gaps for shelter for minors|by 8/2020|Dropped||
Northwest|crisis_services|Cass County providers and law enforcement|Coordinate crisis response|Short term|Convene Cass County providers on crisis response|by 6/2020|Complete|6/12/2020|
Northwest|crisis_services|Cass County providers and law enforcement|Coordinate crisis response|Medium|Establish 24-hour crisis line coverage for the region|by 3/2021|Complete|5/1/2021|
Northwest|legal_assistance|St. Joseph attorneys|Expand legal help|Medium|Recruit pro bono attorneys in St. Joseph|by 12/2021|In progress||
Northwest|mental_health|Regional MH providers|Expand the trauma-informed MH network|Long-term|Expand the trauma-informed MH network to rural counties|by 6/2022|In progress||
Northeast|adult_shelter|Northeast shelters|Find shelter options|Short term|Identify shelter options for survivors in Hannibal and Kirksville|by 6/2020|Complete|7/30/2020|
Northeast|transitional_housing|Housing authority|Create transitional housing|Medium|Develop a transitional housing proposal with the housing authority|by 6/2021|Not started||
Northeast|mental_health|Regional MH providers|Train MH providers|Short term|Host a MH provider training on trafficking|by 10/2020|Complete|10/15/2020|
Kansas City|mental_health|KC MH providers and survivor leaders|Identify barriers to MH care|Short term|Convene a focus group of MH providers and survivors|by 4/2020|Complete|5/5/2020|
Kansas City|crisis_services|KC crisis providers and law enforcement|Coordinate crisis response|Medium|Establish a crisis response protocol with law enforcement|by 12/2020|Complete|12/10/2020|
Kansas City|legal_assistance|KC law schools and legal aid|Form a legal advocacy network|Medium|Form a legal advocacy network with the region's law schools|by 6/2021|In progress||
Kansas City|crisis_services|KC crisis providers|Fund crisis beds|Long-term|Secure funding for survivor-specific crisis beds|by 2/2022|In progress||
Kansas City|immigration|KC legal aid|Expand immigration help|Long-term|Expand immigration legal services (T and U visas)|+24m|In progress||
Central|mental_health|Columbia and Jefferson City MH providers|Identify barriers to MH care|Short term|Convene MH providers in Columbia and Jefferson City|+3m|Complete|9/28/2020|
Central|transportation|Regional transit and providers|Improve transportation|Short term|Map transportation options for survivors in rural counties|+6m|Complete|2/10/2021|
Central|transportation|Regional transit and providers|Improve transportation|Medium|Develop a rideshare voucher program|+12m|In progress||
Central|adult_shelter|Regional shelters|Find shelter capacity|Medium|Identify adult shelter capacity in the region|+18m|In progress||
Central|transportation|Regional transit and providers|Improve transportation|Long-term|Launch a regional transportation fund|+24m|Not started||
Central|adult_shelter|Regional shelters|Find shelter capacity|Long-term|Open emergency shelter beds for survivors|+6q|||
`)

// trackerRows renders the tracker as CSV rows with the plan's headers.
func trackerRows() [][]string {
	out := [][]string{{"Region", "Need", "Resources", "Tasks", "Term", "Outcome", "Target", "Status", "Completed on", "Notes"}}
	for _, line := range strings.Split(milestoneRows, "\n") {
		out = append(out, strings.Split(line, "|"))
	}
	return out
}
